import "server-only";
import { systemClock, type Clock } from "../clock";
import { logger } from "../log";
import { MemoryStore } from "./memory-store";
import type { RateLimitPolicy } from "./policies";
import type { Decision, RateLimitStore } from "./store";

/** Thrown in "closed" mode while the shared store is unreachable: the caller answers 429. */
export class RateLimitStoreUnavailable extends Error {
  constructor() {
    super("rate-limit store unavailable");
    this.name = "RateLimitStoreUnavailable";
  }
}

/**
 * Recognised by name, not `instanceof`: the one store per process (on globalThis) may have been
 * made by proxy.ts's bundle, whose copy of this class is not the route handlers' copy.
 */
export function isRateLimitStoreUnavailable(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === "RateLimitStoreUnavailable";
}

/** After a failure, requests skip the shared store this long instead of each waiting for a timeout. */
const RETRY_SHARED_STORE_AFTER_MS = 5_000;

export interface FailoverOptions {
  /** "memory": per-process limits while the shared store is down; "closed": refuse (429). */
  onFailure: "memory" | "closed";
  timeoutMs: number;
  clock?: Clock;
}

/**
 * Wraps the shared store so the portal never runs unlimited: a call that fails or takes longer
 * than timeoutMs falls back to per-process counters (logged) or refuses, and the shared store is
 * tried again a few seconds later.
 */
export class FailoverStore implements RateLimitStore {
  readonly kind: string;
  private readonly fallback: MemoryStore;
  private readonly clock: Clock;
  private downUntilMs = 0;

  constructor(
    private readonly shared: RateLimitStore,
    private readonly options: FailoverOptions,
  ) {
    this.kind = shared.kind;
    this.clock = options.clock ?? systemClock;
    this.fallback = new MemoryStore(this.clock);
  }

  consume(policy: RateLimitPolicy, key: string): Promise<Decision> {
    return this.run((store) => store.consume(policy, key));
  }

  peek(policy: RateLimitPolicy, key: string): Promise<Decision> {
    return this.run((store) => store.peek(policy, key));
  }

  hold(key: string, ms: number): Promise<number> {
    return this.run((store) => store.hold(key, ms));
  }

  heldFor(key: string): Promise<number> {
    return this.run((store) => store.heldFor(key));
  }

  private async run<T>(operation: (store: RateLimitStore) => Promise<T>): Promise<T> {
    if (this.clock.now().getTime() >= this.downUntilMs) {
      try {
        const result = await withTimeout(operation(this.shared), this.options.timeoutMs);
        if (this.downUntilMs !== 0) {
          this.downUntilMs = 0;
          logger().warn("rate-limit store reachable again: shared limits resumed");
        }
        return result;
      } catch (error) {
        const wasUp = this.downUntilMs === 0;
        this.downUntilMs = this.clock.now().getTime() + RETRY_SHARED_STORE_AFTER_MS;
        if (wasUp) {
          logger().error(
            { err: { type: (error as Error)?.name, message: (error as Error)?.message }, fallback: this.options.onFailure },
            this.options.onFailure === "memory"
              ? "rate-limit store unavailable: using per-process limits"
              : "rate-limit store unavailable: refusing rate-limited requests",
          );
        }
      }
    }
    if (this.options.onFailure === "closed") throw new RateLimitStoreUnavailable();
    return operation(this.fallback);
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
