import "server-only";
import { Redis as UpstashRedis } from "@upstash/redis";
import { Redis as IORedis } from "ioredis";
import { config } from "../config";
import { logger } from "../log";
import { FailoverStore } from "./failover-store";
import { ratelimitRedisFromIoredis } from "./ioredis-adapter";
import { MemoryStore } from "./memory-store";
import type { RateLimitStore } from "./store";
import { UpstashStore, type RatelimitRedis } from "./upstash-store";

/** Upstash over its REST API (UPSTASH_REDIS_REST_URL / _TOKEN); the library's scripts run as they are. */
export function upstashRestRedis(upstash: { url: string; token: string }): RatelimitRedis {
  return new UpstashRedis({ url: upstash.url, token: upstash.token, retry: false, enableTelemetry: false });
}

/** A self-hosted Redis (REDIS_URL) through ioredis and the adapter for the library's scripts. */
export function selfHostedRedis(url: string, timeoutMs: number): RatelimitRedis {
  const client = new IORedis(url, {
    commandTimeout: timeoutMs,
    connectTimeout: timeoutMs * 4,
    maxRetriesPerRequest: 1,
    // Reconnect quietly in the background; FailoverStore decides what requests do meanwhile.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  client.on("error", () => {
    // Logged once per outage by FailoverStore; ioredis would otherwise report every retry.
  });
  return ratelimitRedisFromIoredis(client);
}

function sharedRedis(): RatelimitRedis | undefined {
  const { redisUrl, upstash, timeoutMs } = config().rateLimitStore;
  if (upstash) return upstashRestRedis(upstash);
  if (redisUrl) return selfHostedRedis(redisUrl, timeoutMs);
  return undefined;
}

export function createRateLimitStore(): RateLimitStore {
  const { rateLimitStore } = config();
  const redis = sharedRedis();
  if (!redis) return new MemoryStore();
  return new FailoverStore(new UpstashStore(redis, rateLimitStore.prefix), rateLimitStore);
}

// One store per process, on globalThis: route bundles and dev-mode reloads must share counters.
const holder = globalThis as typeof globalThis & { __accountPortalRateLimitStore?: RateLimitStore };

export function rateLimitStore(): RateLimitStore {
  if (!holder.__accountPortalRateLimitStore) {
    const store = createRateLimitStore();
    // Operators should see where limits are counted: in memory they are per process.
    logger().info({ store: store.kind }, store.kind === "memory" ? "rate limits counted in memory (per process)" : "rate limits counted in Redis (shared)");
    holder.__accountPortalRateLimitStore = store;
  }
  return holder.__accountPortalRateLimitStore;
}

/** Tests only: run the limiter against a store of the test's choosing (undefined = back to configured). */
export function replaceRateLimitStore(store: RateLimitStore | undefined): void {
  holder.__accountPortalRateLimitStore = store;
}
