import "server-only";
import { Ratelimit } from "@upstash/ratelimit";
import type { RateLimitPolicy } from "./policies";
import type { Decision, RateLimitStore } from "./store";

/** The part of a Redis client @upstash/ratelimit and this store use (@upstash/redis has it). */
export interface RatelimitRedis {
  eval(script: string, keys: string[], args: unknown[]): Promise<unknown>;
  evalsha(sha: string, keys: string[], args: unknown[]): Promise<unknown>;
  set(key: string, value: string, options: { px: number; nx: true }): Promise<unknown>;
  pttl(key: string): Promise<number>;
}

/**
 * Counters in Redis through @upstash/ratelimit (fixed windows), shared by every instance.
 * Its own timeout is off: on a timeout it answers "allowed", and this portal must never run
 * unlimited. Timeouts and failures surface as errors for ./failover-store.ts to handle.
 */
export class UpstashStore implements RateLimitStore {
  readonly kind = "redis";
  private readonly limiters = new Map<string, Ratelimit>();

  constructor(
    private readonly redis: RatelimitRedis,
    private readonly prefix: string,
  ) {}

  async consume(policy: RateLimitPolicy, key: string): Promise<Decision> {
    const result = await this.limiter(policy).limit(key);
    return { allowed: result.success, limit: result.limit, remaining: result.remaining, resetAtMs: result.reset };
  }

  async peek(policy: RateLimitPolicy, key: string): Promise<Decision> {
    const result = await this.limiter(policy).getRemaining(key);
    return { allowed: result.remaining > 0, limit: result.limit, remaining: Math.max(0, result.remaining), resetAtMs: result.reset };
  }

  async hold(key: string, ms: number): Promise<number> {
    const taken = await this.redis.set(this.holdKey(key), "1", { px: ms, nx: true });
    if (taken === "OK") return 0;
    // Held by someone else; if it expired between the two calls, say "try again in a moment".
    return Math.max(1, await this.redis.pttl(this.holdKey(key)));
  }

  async heldFor(key: string): Promise<number> {
    return Math.max(0, await this.redis.pttl(this.holdKey(key)));
  }

  private holdKey(key: string): string {
    return `${this.prefix}:hold:${key}`;
  }

  private limiter(policy: RateLimitPolicy): Ratelimit {
    const id = `${policy.name}:${policy.limit}:${policy.windowMs}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = new Ratelimit({
        redis: this.redis as never,
        limiter: Ratelimit.fixedWindow(policy.limit, `${policy.windowMs} ms`),
        prefix: `${this.prefix}:rl:${policy.name}`,
        timeout: 0,
        // The local "already blocked" cache would keep refusing after an operator clears a key.
        ephemeralCache: false,
        analytics: false,
        enableTelemetry: false,
      });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }
}
