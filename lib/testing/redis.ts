import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";

/** TEST_REDIS_URL, or undefined: Redis suites run only when it is set (.ci/run sets it). */
export const testRedisUrl = process.env.TEST_REDIS_URL?.trim() || undefined;

/** A connected client; a set but unreachable TEST_REDIS_URL fails the run instead of skipping. */
export async function connectTestRedis(url: string): Promise<Redis> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null, connectTimeout: 3_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    client.disconnect();
    throw new Error(`TEST_REDIS_URL is set but ${url} is unreachable: ${(error as Error).message}`);
  }
  return client;
}

/** A key prefix no other run or test shares, so runs on one Redis never see each other's counters. */
export function uniqueRedisPrefix(label: string): string {
  return `account-portal-test:${label}:${randomBytes(6).toString("hex")}`;
}
