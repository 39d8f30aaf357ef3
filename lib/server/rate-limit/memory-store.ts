import "server-only";
import { systemClock, type Clock } from "../clock";
import type { RateLimitPolicy } from "./policies";
import type { Decision, RateLimitStore } from "./store";

const SWEEP_EVERY = 1_000;

/**
 * Counters in this process's memory: the default, and the fallback when the shared store is
 * down. Same fixed windows as the Redis store (@upstash/ratelimit's fixedWindow), so the same
 * policy tests hold for both.
 */
export class MemoryStore implements RateLimitStore {
  readonly kind = "memory";
  private readonly counters = new Map<string, { count: number; expiresAtMs: number }>();
  private readonly holds = new Map<string, number>();
  private writes = 0;

  constructor(private readonly clock: Clock = systemClock) {}

  async consume(policy: RateLimitPolicy, key: string): Promise<Decision> {
    const now = this.clock.now().getTime();
    const { counterKey, resetAtMs } = this.window(policy, key, now);
    const counter = this.counters.get(counterKey) ?? { count: 0, expiresAtMs: resetAtMs };
    counter.count += 1;
    this.counters.set(counterKey, counter);
    this.sweepNow(now);
    return { allowed: counter.count <= policy.limit, limit: policy.limit, remaining: Math.max(0, policy.limit - counter.count), resetAtMs };
  }

  async peek(policy: RateLimitPolicy, key: string): Promise<Decision> {
    const { counterKey, resetAtMs } = this.window(policy, key, this.clock.now().getTime());
    const used = this.counters.get(counterKey)?.count ?? 0;
    return { allowed: used < policy.limit, limit: policy.limit, remaining: Math.max(0, policy.limit - used), resetAtMs };
  }

  async hold(key: string, ms: number): Promise<number> {
    const now = this.clock.now().getTime();
    const until = this.holds.get(key);
    if (until !== undefined && until > now) return until - now;
    this.holds.set(key, now + ms);
    this.sweepNow(now);
    return 0;
  }

  async heldFor(key: string): Promise<number> {
    const until = this.holds.get(key) ?? 0;
    return Math.max(0, until - this.clock.now().getTime());
  }

  private window(policy: RateLimitPolicy, key: string, nowMs: number) {
    const bucket = Math.floor(nowMs / policy.windowMs);
    return { counterKey: `${policy.name}:${key}:${bucket}`, resetAtMs: (bucket + 1) * policy.windowMs };
  }

  /** Forgets finished windows and holds now and then, so a flood of addresses cannot grow memory forever. */
  private sweepNow(nowMs: number) {
    if (++this.writes % SWEEP_EVERY !== 0) return;
    for (const [key, counter] of this.counters) if (counter.expiresAtMs <= nowMs) this.counters.delete(key);
    for (const [key, until] of this.holds) if (until <= nowMs) this.holds.delete(key);
  }
}
