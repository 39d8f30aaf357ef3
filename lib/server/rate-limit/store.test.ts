// One policy suite for every store: the in-memory one always; with TEST_REDIS_URL, Redis through
// @upstash/ratelimit and the ioredis adapter, and through @upstash/redis's REST client talking
// to a local stand-in for Upstash (lib/testing/upstash-stand-in.ts) in front of the same Redis.
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { itWhere } from "@/lib/testing/it-where";
import { connectTestRedis, testRedisUrl, uniqueRedisPrefix } from "@/lib/testing/redis";
import { startUpstashStandIn } from "@/lib/testing/upstash-stand-in";
import { upstashRestRedis } from "./index";
import { ratelimitRedisFromIoredis } from "./ioredis-adapter";
import { MemoryStore } from "./memory-store";
import type { PolicyName, RateLimitPolicy } from "./policies";
import type { RateLimitStore } from "./store";
import { UpstashStore } from "./upstash-store";

/** A clock the memory store reads; Redis windows follow the real clock, so tests align to them. */
const manualClock = { offsetMs: 0, now: () => new Date(Date.now() + manualClock.offsetMs) };

interface StoreUnderTest {
  name: string;
  store: () => RateLimitStore;
  /** The store's idea of now (epoch ms). */
  now: () => number;
  /** Waits (or moves the clock) until `epochMs` has passed for this store. */
  passTime: (epochMs: number) => Promise<void>;
  /**
   * Concurrent calls can interleave: each is a round trip to Redis. The memory store's methods
   * run to completion without yielding, so "racing" calls to it run one after another and a race
   * test there would only repeat the sequential ones.
   */
  interleaves: boolean;
}

let redis: Redis | undefined;
const memory = new MemoryStore(manualClock);
let upstash: UpstashStore | undefined;
let upstashRest: UpstashStore | undefined;
let standIn: Awaited<ReturnType<typeof startUpstashStandIn>> | undefined;

const stores: StoreUnderTest[] = [
  {
    name: "memory",
    store: () => memory,
    interleaves: false,
    now: () => manualClock.now().getTime(),
    passTime: async (epochMs) => {
      manualClock.offsetMs += Math.max(0, epochMs - manualClock.now().getTime()) + 1;
    },
  },
];
if (testRedisUrl) {
  stores.push({
    name: "redis",
    store: () => upstash!,
    interleaves: true,
    now: () => Date.now(),
    passTime: async (epochMs) => {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, epochMs - Date.now()) + 20));
    },
  });
  stores.push({ ...stores[1]!, name: "upstash REST", store: () => upstashRest! });
}

beforeAll(async () => {
  if (!testRedisUrl) return;
  redis = await connectTestRedis(testRedisUrl);
  upstash = new UpstashStore(ratelimitRedisFromIoredis(redis), uniqueRedisPrefix("store"));
  standIn = await startUpstashStandIn(redis, "test-token");
  upstashRest = new UpstashStore(upstashRestRedis({ url: standIn.url, token: "test-token" }), uniqueRedisPrefix("upstash"));
});

afterAll(async () => {
  await standIn?.close();
  redis?.disconnect();
});

let keyCounter = 0;
const freshKey = () => `key-${process.pid}-${++keyCounter}`;
const policy = (limit: number, windowMs: number, name: PolicyName = "register-per-ip"): RateLimitPolicy => ({ name, limit, windowMs });

describe.each(stores)("$name rate-limit store", ({ store, now, passTime, interleaves }) => {
  it("allows the limit, then refuses, counting down and naming the window's end", async () => {
    const fiveAMinute = policy(5, 60_000);
    const key = freshKey();
    const decisions = [];
    for (let i = 0; i < 7; i++) decisions.push(await store().consume(fiveAMinute, key));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, true, true, false, false]);
    expect(decisions.map((d) => d.remaining)).toEqual([4, 3, 2, 1, 0, 0, 0]);
    const windowEnd = decisions[0]!.resetAtMs;
    expect(windowEnd % 60_000).toBe(0);
    expect(decisions.every((d) => d.resetAtMs === windowEnd && d.limit === 5)).toBe(true);
  });

  it("keeps keys and policies apart", async () => {
    const key = freshKey();
    expect((await store().consume(policy(1, 60_000), key)).allowed).toBe(true);
    expect((await store().consume(policy(1, 60_000), key)).allowed).toBe(false);
    expect((await store().consume(policy(1, 60_000), freshKey())).allowed).toBe(true);
    expect((await store().consume(policy(1, 60_000, "api-per-ip"), key)).allowed).toBe(true);
  });

  it("peeks without counting", async () => {
    const twoAMinute = policy(2, 60_000);
    const key = freshKey();
    expect(await store().peek(twoAMinute, key)).toMatchObject({ allowed: true, remaining: 2 });
    await store().consume(twoAMinute, key);
    await store().consume(twoAMinute, key);
    expect(await store().peek(twoAMinute, key)).toMatchObject({ allowed: false, remaining: 0 });
    expect(await store().peek(twoAMinute, key)).toMatchObject({ allowed: false, remaining: 0 });
  });

  it("gives the budget back when the window ends", async () => {
    const onePerSecond = policy(1, 1_000);
    const key = freshKey();
    await store().consume(onePerSecond, key);
    const refused = await store().consume(onePerSecond, key);
    expect(refused.allowed).toBe(false);
    await passTime(refused.resetAtMs);
    expect((await store().consume(onePerSecond, key)).allowed).toBe(true);
  });

  itWhere(interleaves)("lets exactly the limit through when requests race", async () => {
    const tenAMinute = policy(10, 60_000);
    const key = freshKey();
    const decisions = await Promise.all(Array.from({ length: 40 }, () => store().consume(tenAMinute, key)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
  });

  it("holds a key once: later callers learn how long is left", async () => {
    const key = freshKey();
    expect(await store().hold(key, 60_000)).toBe(0);
    const waitMs = await store().hold(key, 60_000);
    expect(waitMs).toBeGreaterThan(55_000);
    expect(waitMs).toBeLessThanOrEqual(60_000);
    expect(await store().heldFor(key)).toBeGreaterThan(55_000);
    expect(await store().heldFor(freshKey())).toBe(0);
  });

  itWhere(interleaves)("gives a hold to exactly one of 20 racing callers", async () => {
    const key = freshKey();
    const racers = await Promise.all(Array.from({ length: 20 }, () => store().hold(key, 60_000)));
    expect(racers.filter((wait) => wait === 0)).toHaveLength(1);
  });

  it("releases a hold when its time is up", async () => {
    const key = freshKey();
    expect(await store().hold(key, 300)).toBe(0);
    await passTime(now() + 300);
    expect(await store().heldFor(key)).toBe(0);
    expect(await store().hold(key, 300)).toBe(0);
  });
});

describe.runIf(testRedisUrl)("the ioredis adapter for @upstash/ratelimit", () => {
  it("is needed: this Redis refuses the library's scripts as they are", async () => {
    const script = "#!lua flags=allow-key-locking\nreturn 1";
    await expect(redis!.eval(script, 0)).rejects.toThrow();
    const adapted = ratelimitRedisFromIoredis(redis!);
    await expect(adapted.eval(script, [], [])).resolves.toBe(1);
  });

  it("runs scripts by hash after the first evaluation", async () => {
    const adapted = ratelimitRedisFromIoredis(redis!);
    const script = `#!lua flags=allow-key-locking\nreturn ${Date.now()}`;
    const { createHash } = await import("node:crypto");
    const libraryHash = createHash("sha1").update(script).digest("hex");
    await expect(adapted.evalsha(libraryHash, [], [])).rejects.toThrow(/NOSCRIPT/);
    const value = await adapted.eval(script, [], []);
    await expect(adapted.evalsha(libraryHash, [], [])).resolves.toBe(value);
  });
});
