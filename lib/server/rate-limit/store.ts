import type { RateLimitPolicy } from "./policies";

export interface Decision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** When the current window ends (epoch milliseconds). */
  resetAtMs: number;
}

/**
 * Where counters live: memory (one process) or Redis (every instance). Chosen once at start-up
 * (./index.ts); nothing else knows which. Keys arrive already hashed.
 */
export interface RateLimitStore {
  readonly kind: string;
  /** Counts one request against the policy and says whether it is within the limit. */
  consume(policy: RateLimitPolicy, key: string): Promise<Decision>;
  /** Says what is left without counting anything. */
  peek(policy: RateLimitPolicy, key: string): Promise<Decision>;
  /**
   * Holds `key` for `ms` unless it is held already: 0 when this call took it, else the
   * milliseconds until it is free. Cooldowns ("one mail per minute") and bans use it.
   */
  hold(key: string, ms: number): Promise<number>;
  /** Milliseconds until a held key is free; 0 when it is not held. */
  heldFor(key: string): Promise<number>;
}
