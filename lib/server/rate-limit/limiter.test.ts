import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { FailoverStore } from "./failover-store";
import { replaceRateLimitStore } from "./index";
import { enforceLimits } from "./limiter";
import { MemoryStore } from "./memory-store";
import type { RateLimitStore } from "./store";

const unreachable: RateLimitStore = {
  kind: "redis",
  consume: () => Promise.reject(new Error("connect ECONNREFUSED")),
  peek: () => Promise.reject(new Error("connect ECONNREFUSED")),
  hold: () => Promise.reject(new Error("connect ECONNREFUSED")),
  heldFor: () => Promise.reject(new Error("connect ECONNREFUSED")),
};

afterEach(() => replaceRateLimitStore(undefined));

describe("enforceLimits", () => {
  it("answers 429 with Retry-After and RateLimit details while the store is down in closed mode", async () => {
    replaceRateLimitStore(new FailoverStore(unreachable, { onFailure: "closed", timeoutMs: 50 }));
    const refusal = await enforceLimits([{ policy: "register-per-ip", key: "10.0.0.1" }], "10.0.0.1").catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "TOO_MANY_REQUESTS", status: 429, retryAfterSeconds: 5, rateLimit: { remaining: 0, resetSeconds: 5 } });
  });

  it("stops at the first refusing check and does not count the ones after it", async () => {
    replaceRateLimitStore(new MemoryStore());
    const checks = [
      { cooldown: "test-cooldown", ms: 60_000, key: "a@example.com" },
      { policy: "forgot-password-per-email" as const, key: "a@example.com" },
    ];
    await enforceLimits(checks, "10.0.0.2");
    await expect(enforceLimits(checks, "10.0.0.2")).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", rateLimit: { limit: 1 } });
    // The per-email budget (3) was counted once, by the first call: two more fit, not three.
    const perEmail = [checks[1]!];
    await enforceLimits(perEmail, "10.0.0.2");
    await enforceLimits(perEmail, "10.0.0.2");
    await expect(enforceLimits(perEmail, "10.0.0.2")).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", rateLimit: { limit: 3 } });
  });
});
