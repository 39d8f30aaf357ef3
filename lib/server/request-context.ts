import "server-only";
// The one request context: who is calling from where (ClientContext, and the address the rate
// limits key on), and what the code serving one request shares without passing it down. The
// request envelope (http/envelope.ts) opens it for every request.
import { AsyncLocalStorage } from "node:async_hooks";
import { addressGroup } from "@/lib/traffic/address-group";
import { config } from "./config";
import { logger } from "./log";
import type { Decision } from "./rate-limit/store";

/** Where a request came from, for session rows, security events and notifications. */
export interface ClientContext {
  ip: string | null;
  userAgent: string | null;
}

/** Who is acting, and through which session (which a "sign out elsewhere" must spare). */
export interface Caller {
  userId: string;
  sessionId: string;
}

const USER_AGENT_MAX = 512;

/**
 * The client's address as server.ts settled it: it replaces whatever forwarding headers arrived
 * with one X-Forwarded-For entry, from the socket or from as many proxies as TRUST_PROXY trusts.
 * (Under plain `next start` the header would be the client's to choose; the docs say not to.)
 */
export function clientContext(headers: Headers): ClientContext {
  const forwarded = headers.get("x-forwarded-for")?.split(",").map((part) => part.trim()).filter(Boolean);
  const ip = forwarded?.at(-1) ?? null;
  const userAgent = headers.get("user-agent")?.slice(0, USER_AGENT_MAX) ?? null;
  return { ip, userAgent };
}

/** Each client's limit address, worked out once however many checks ask for it. */
const limitAddresses = new WeakMap<ClientContext, string>();

/**
 * The address rate limits, refusal counts and bans key on: an IPv4 address, or the IPv6 prefix
 * of RATE_LIMIT_IPV6_PREFIX bits. Clients of unknown address share one.
 */
export function limitAddress(client: ClientContext): string {
  let address = limitAddresses.get(client);
  if (address === undefined) {
    address = client.ip ? addressGroup(client.ip, config().ipv6PrefixBits) : "unknown";
    limitAddresses.set(client, address);
  }
  return address;
}

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
  /** Who sent the request, for what the code serving it records (next-auth's events get no request). */
  client?: ClientContext;
  deviceToken?: string;
  deferred: Array<() => Promise<unknown>>;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runInRequestContext<T>(
  requestId: string,
  work: (context: RequestContext) => Promise<T>,
  request: { deviceToken?: string; client?: ClientContext } = {},
): Promise<T> {
  const context: RequestContext = { requestId, decisions: [], client: request.client, deviceToken: request.deviceToken, deferred: [] };
  return storage.run(context, () => work(context));
}

const NO_CLIENT: ClientContext = { ip: null, userAgent: null };

/** The address and browser of the request being served; unknown outside a request (scripts, jobs). */
export function currentClient(): ClientContext {
  return storage.getStore()?.client ?? NO_CLIENT;
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
