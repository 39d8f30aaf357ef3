import "server-only";
import { randomUUID } from "node:crypto";
import { after, type NextRequest } from "next/server";
import { deviceCookieName } from "../auth/cookies";
import { runDeferred, runInRequestContext, type RequestContext } from "../request-context";

/**
 * Serves one request in its own request context (../request-context.ts): a new request id, the
 * device cookie it carried, and whatever its services deferred handed to Next's after(), which
 * runs it once the answer has been sent. Used by apiRoute and around next-auth's route.
 */
export async function inRequestScope(request: NextRequest, work: (context: RequestContext) => Promise<Response>): Promise<Response> {
  const deviceToken = request.cookies.get(deviceCookieName())?.value;
  return runInRequestContext(
    randomUUID(),
    async (context) => {
      try {
        return await work(context);
      } finally {
        if (context.deferred.length) after(() => runDeferred(context));
      }
    },
    { deviceToken },
  );
}
