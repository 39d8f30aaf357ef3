import "server-only";

/**
 * "At most one X per key per window": the first call opens the window, later calls inside it are
 * refused with the time left. In memory, per process (the shared-store limiter of the traffic
 * guard will take this over for several instances).
 */
export class Cooldown {
  private readonly until = new Map<string, number>();

  constructor(private readonly windowMs: number) {}

  /** Returns 0 when the key may proceed now (and starts its window), else the milliseconds to wait. */
  take(key: string, nowMs: number): number {
    const blockedUntil = this.until.get(key);
    if (blockedUntil !== undefined && blockedUntil > nowMs) return blockedUntil - nowMs;
    this.until.set(key, nowMs + this.windowMs);
    if (this.until.size > 10_000) this.sweep(nowMs);
    return 0;
  }

  private sweep(nowMs: number) {
    for (const [key, blockedUntil] of this.until) if (blockedUntil <= nowMs) this.until.delete(key);
  }
}
