import "server-only";
import { createHash } from "node:crypto";
import { config } from "../config";
import { AppError, type RateLimitInfo } from "../errors";
import { systemClock } from "../clock";
import { logger } from "../log";
import { isRateLimitStoreUnavailable } from "./failover-store";
import { rateLimitStore } from "./index";
import { noteDecision } from "../request-context";
import type { PolicyName } from "./policies";
import type { Decision } from "./store";

/** One policy applied to one key: an address, an email, a user id, or a combination. */
export interface PolicyCheck {
  policy: PolicyName;
  key: string;
}

/** "At most once per `ms` per key" (forgot-password's one mail per minute per address). */
export interface CooldownCheck {
  cooldown: string;
  ms: number;
  key: string;
}

export type LimitCheck = PolicyCheck | CooldownCheck;

/** What the client sees while the shared store is down in "closed" mode. */
const RETRY_WHEN_STORE_DOWN_SECONDS = 5;

/** Keys are hashed: neither Redis nor a memory dump holds emails or addresses. */
function storeKey(key: string): string {
  return createHash("sha256").update(key).digest("base64url").slice(0, 32);
}

/** A decision as the RateLimit-* headers state it: seconds until its window ends, at least 1. */
export function rateLimitInfo(decision: Decision): RateLimitInfo {
  const resetSeconds = Math.max(1, Math.ceil((decision.resetAtMs - systemClock.now().getTime()) / 1000));
  return { limit: decision.limit, remaining: decision.remaining, resetSeconds };
}

function tooManyRequests(decision: Decision): AppError {
  const rateLimit = { ...rateLimitInfo(decision), remaining: 0 };
  return new AppError("TOO_MANY_REQUESTS", undefined, { retryAfterSeconds: rateLimit.resetSeconds, rateLimit });
}

async function storeCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isRateLimitStoreUnavailable(error)) {
      throw new AppError("TOO_MANY_REQUESTS", undefined, {
        retryAfterSeconds: RETRY_WHEN_STORE_DOWN_SECONDS,
        rateLimit: { limit: 0, remaining: 0, resetSeconds: RETRY_WHEN_STORE_DOWN_SECONDS },
      });
    }
    throw error;
  }
}

/**
 * Counts the request against each check in order and refuses (429) at the first one over its
 * limit; later checks are then not counted. Each decision is noted for the request's
 * RateLimit-* headers (lib/server/request-context.ts).
 */
export async function enforceLimits(checks: LimitCheck[], clientIp: string): Promise<void> {
  const { rateLimitPolicies } = config();
  for (const check of checks) {
    const decision =
      "cooldown" in check
        ? await holdCooldown(check)
        : await storeCall(() => rateLimitStore().consume(rateLimitPolicies[check.policy], storeKey(check.key)));
    noteDecision(decision);
    if (!decision.allowed) {
      await noteRefusal(clientIp);
      throw tooManyRequests(decision);
    }
  }
}

/** Refuses (429) when the policy's budget is spent, without counting this request (noted all the same). */
export async function assertBudgetLeft(check: PolicyCheck, clientIp: string): Promise<void> {
  const decision = await storeCall(() => rateLimitStore().peek(config().rateLimitPolicies[check.policy], storeKey(check.key)));
  noteDecision(decision);
  if (decision.allowed) return;
  await noteRefusal(clientIp);
  throw tooManyRequests(decision);
}

/** Counts an outcome (a wrong password) against a policy checked with assertBudgetLeft. */
export async function countAgainst(check: PolicyCheck): Promise<void> {
  await storeCall(() => rateLimitStore().consume(config().rateLimitPolicies[check.policy], storeKey(check.key)));
}

async function holdCooldown({ cooldown, ms, key }: CooldownCheck): Promise<Decision> {
  const waitMs = await storeCall(() => rateLimitStore().hold(`${cooldown}:${storeKey(key)}`, ms));
  const now = systemClock.now().getTime();
  return { allowed: waitMs === 0, limit: 1, remaining: 0, resetAtMs: now + (waitMs || ms) };
}

const banKey = (clientIp: string) => `ban:${storeKey(clientIp)}`;

/** Milliseconds the address stays banned; 0 when it is not. */
export async function bannedForMs(clientIp: string): Promise<number> {
  return storeCall(() => rateLimitStore().heldFor(banKey(clientIp)));
}

/**
 * Every refusal counts against the address; an address refused more than the refusals-per-ip
 * policy allows has gone far past its limits and is banned (403) for TRAFFIC_BAN_MINUTES.
 */
async function noteRefusal(clientIp: string): Promise<void> {
  const { rateLimitPolicies, banMs } = config();
  const strikes = await storeCall(() => rateLimitStore().consume(rateLimitPolicies["refusals-per-ip"], storeKey(clientIp)));
  if (strikes.allowed) return;
  const alreadyBanned = (await storeCall(() => rateLimitStore().hold(banKey(clientIp), banMs))) > 0;
  if (!alreadyBanned) logger().warn({ clientIp, banMinutes: banMs / 60_000 }, "client banned after repeated rate-limit refusals");
}
