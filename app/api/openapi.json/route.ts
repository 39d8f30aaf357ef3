// GET /api/openapi.json — the OpenAPI 3.1 document of this API, generated from the zod schemas (rendered at /docs/api).
import type { NextRequest } from "next/server";
import { openApiReference } from "@/lib/endpoints/health";
import { openApiDocument } from "@/lib/openapi/document";
import { serversFor } from "@/lib/openapi/servers";
import { config } from "@/lib/server/config";
import { guardedRoute } from "@/lib/server/http/envelope";

const development = process.env.NODE_ENV === "development";
/** Outside development the servers, and so the whole answer, are fixed for the process. */
let fixedBody: string | undefined;

function body(requestOrigin: string | undefined): string {
  if (fixedBody) return fixedBody;
  const { openapi, info, ...rest } = openApiDocument();
  const text = JSON.stringify({ openapi, info, servers: serversFor(config().appUrl, { development, requestOrigin }), ...rest });
  if (!development) fixedBody = text;
  return text;
}

/** The origin the client addressed (its Host header; Next's own URL names the server's configured host). */
function addressedOrigin(request: NextRequest): string | undefined {
  try {
    return new URL(`${request.nextUrl.protocol}//${request.headers.get("host")}`).origin;
  } catch {
    return undefined;
  }
}

export const GET = guardedRoute(openApiReference, (requestId, request) => {
  return new Response(body(development ? addressedOrigin(request) : undefined), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      // Fixed for a build outside development: shared caches may keep it a while.
      "cache-control": development ? "no-store" : "public, max-age=300",
      "x-request-id": requestId,
    },
  });
});
