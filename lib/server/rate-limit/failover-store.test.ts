import { describe, expect, it } from "vitest";
import { FailoverStore, RateLimitStoreUnavailable } from "./failover-store";
import { MemoryStore } from "./memory-store";
import type { RateLimitPolicy } from "./policies";
import type { RateLimitStore } from "./store";

const clock = { offsetMs: 0, now: () => new Date(Date.now() + clock.offsetMs) };
const threeAMinute: RateLimitPolicy = { name: "register-per-ip", limit: 3, windowMs: 60_000 };

/** A shared store that can be switched between working, failing and hanging. */
function flakyStore() {
  const working = new MemoryStore(clock);
  const state = { mode: "down" as "up" | "down" | "hanging", calls: 0 };
  const attempt = <T>(call: () => Promise<T>): Promise<T> => {
    state.calls += 1;
    if (state.mode === "down") return Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:6379"));
    if (state.mode === "hanging") return new Promise<T>(() => {});
    return call();
  };
  const store: RateLimitStore = {
    kind: "redis",
    consume: (policy, key) => attempt(() => working.consume(policy, key)),
    peek: (policy, key) => attempt(() => working.peek(policy, key)),
    hold: (key, ms) => attempt(() => working.hold(key, ms)),
    heldFor: (key) => attempt(() => working.heldFor(key)),
  };
  return { store, state };
}

async function allowedOf(store: RateLimitStore, attempts: number, key: string) {
  const decisions = [];
  for (let i = 0; i < attempts; i++) decisions.push((await store.consume(threeAMinute, key)).allowed);
  return decisions;
}

describe("FailoverStore", () => {
  it("keeps limiting per process while the shared store is down (memory mode)", async () => {
    const { store } = flakyStore();
    const failover = new FailoverStore(store, { onFailure: "memory", timeoutMs: 50, clock });
    expect(await allowedOf(failover, 5, "a")).toEqual([true, true, true, false, false]);
  });

  it("refuses while the shared store is down (closed mode)", async () => {
    const { store } = flakyStore();
    const failover = new FailoverStore(store, { onFailure: "closed", timeoutMs: 50, clock });
    await expect(failover.consume(threeAMinute, "b")).rejects.toBeInstanceOf(RateLimitStoreUnavailable);
    await expect(failover.hold("b", 1_000)).rejects.toBeInstanceOf(RateLimitStoreUnavailable);
  });

  it("treats a store that does not answer in time as down, instead of letting requests through", async () => {
    const { store, state } = flakyStore();
    state.mode = "hanging";
    const failover = new FailoverStore(store, { onFailure: "closed", timeoutMs: 30, clock });
    await expect(failover.consume(threeAMinute, "c")).rejects.toBeInstanceOf(RateLimitStoreUnavailable);
  });

  it("stops asking a down store for a few seconds, then goes back to it once it answers", async () => {
    const { store, state } = flakyStore();
    const failover = new FailoverStore(store, { onFailure: "memory", timeoutMs: 50, clock });
    await failover.consume(threeAMinute, "d");
    await failover.consume(threeAMinute, "d");
    expect(state.calls).toBe(1);
    state.mode = "up";
    clock.offsetMs += 6_000;
    const decision = await failover.consume(threeAMinute, "d");
    expect(state.calls).toBe(2);
    // The shared store's own count: the two fallback requests were counted elsewhere.
    expect(decision.remaining).toBe(2);
  });
});
