import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { Decision } from "./rate-limit/store";

/**
 * What the code serving one request shares without passing it down: the rate-limit decisions
 * taken on its behalf, wherever they were taken (the traffic guard, a route's policies, the
 * sign-in service), so the answer's RateLimit-* headers can name the budget nearest to refusing;
 * and the device cookie the request carried, which decides whose budget a wrong password spends
 * (services/wrong-password-budget.ts) wherever the password is checked.
 */
export interface RequestContext {
  requestId: string;
  decisions: Decision[];
  deviceToken?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runInRequestContext<T>(requestId: string, work: (context: RequestContext) => Promise<T>): Promise<T> {
  const context: RequestContext = { requestId, decisions: [] };
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
