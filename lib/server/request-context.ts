import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { logger } from "./log";
import type { Decision } from "./rate-limit/store";

/**
 * What the code serving one request shares without passing it down: the rate-limit decisions
 * taken on its behalf, wherever they were taken (the traffic guard, a route's policies, the
 * sign-in service), so the answer's RateLimit-* headers can name the budget nearest to refusing;
 * the device cookie the request carried, which decides whose budget a wrong password spends
 * (services/wrong-password-budget.ts) wherever the password is checked; and work that must not
 * delay the answer (afterAnswer).
 */
export interface RequestContext {
  requestId: string;
  decisions: Decision[];
  deviceToken?: string;
  deferred: Array<() => Promise<unknown>>;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runInRequestContext<T>(
  requestId: string,
  work: (context: RequestContext) => Promise<T>,
  request: { deviceToken?: string } = {},
): Promise<T> {
  const context: RequestContext = { requestId, decisions: [], deviceToken: request.deviceToken, deferred: [] };
  return storage.run(context, () => work(context));
}

/** The device cookie of the request being served (set by the route wrapper), if it carried one. */
export function currentDeviceToken(): string | undefined {
  return storage.getStore()?.deviceToken;
}

/** Records a decision for the current request's headers; outside a request (tests, scripts) a no-op. */
export function noteDecision(decision: Decision): void {
  storage.getStore()?.decisions.push(decision);
}

/**
 * Runs `task` once the answer is out, so that how long the answer took cannot tell whether it was
 * done (a failed sign-in's event is written for a known email only). The route wrapper hands the
 * queue to Next's after(); outside a request (unit tests, scripts) the task runs now.
 */
export async function afterAnswer(task: () => Promise<unknown>): Promise<void> {
  const context = storage.getStore();
  if (context) context.deferred.push(task);
  else await task();
}

/** The wrapper's half of afterAnswer: runs what the request deferred, logging a failure. */
export async function runDeferred(context: RequestContext): Promise<void> {
  for (const task of context.deferred.splice(0)) {
    await task().catch((error: unknown) =>
      logger().error({ requestId: context.requestId, err: { type: (error as Error)?.name } }, "work after the answer failed"),
    );
  }
}
