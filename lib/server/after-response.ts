import "server-only";
import { after } from "next/server";
import { logger } from "./log";

/**
 * Runs `task` once the response has been sent (Next.js `after`), so work a caller must not wait
 * for (mail, and the reset record whose timing would reveal that an account exists) never
 * delays or fails the request. Outside a request (scripts, unit tests) it runs on the next turn.
 * Failures are logged by purpose, never with the task's data.
 */
export function afterResponse(purpose: string, task: () => Promise<void>): void {
  const run = () =>
    task().catch((error: unknown) => {
      logger().error({ purpose, err: { type: (error as Error)?.name, code: (error as { code?: unknown })?.code } }, "background task failed");
    });
  try {
    after(run);
  } catch {
    setImmediate(run);
  }
}
