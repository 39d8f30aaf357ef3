import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { apiClient, strongPassword, uniqueEmail } from "./client";

const servers = inject("redisDownServers");

describe("a server whose Redis is unreachable, RATE_LIMIT_ON_STORE_FAILURE=memory", () => {
  const api = apiClient(servers.memory.url);

  it("keeps enforcing the limits per process, and says so in its log", async () => {
    const address = { headers: { "x-forwarded-for": "10.200.0.1" } };
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await api.register({ email: uniqueEmail(), password: strongPassword() }, address)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    const log = readFileSync(servers.memory.logFile, "utf8");
    expect(log).toContain("rate-limit store unavailable: using per-process limits");
    expect(log.match(/rate-limit store unavailable/g)).toHaveLength(1);
  });
});

describe("a server whose Redis is unreachable, RATE_LIMIT_ON_STORE_FAILURE=closed", () => {
  const api = apiClient(servers.closed.url);

  it("refuses every request with the contract's 429 instead of running unlimited", async () => {
    for (const call of [
      () => api.register({ email: uniqueEmail(), password: strongPassword() }),
      () => api.login({ email: uniqueEmail(), password: strongPassword() }),
      () => api.request("GET", "/api/v1/user/check"),
    ]) {
      const response = await call();
      expect(response.status).toBe(429);
      expect(response.body).toEqual({ message: "Too many requests", code: "TOO_MANY_REQUESTS" });
      expect(response.headers.get("retry-after")).toBe("5");
      expect(response.headers.get("ratelimit-remaining")).toBe("0");
      expect(response.headers.get("ratelimit-reset")).toBe("5");
    }
    expect(readFileSync(servers.closed.logFile, "utf8")).toContain("rate-limit store unavailable: refusing rate-limited requests");
  });

  it("still answers the health checks, which are exempt from rate limits: a balancer must not take every instance out", async () => {
    const live = await api.request("GET", "/api/health");
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ message: "OK" });
    expect((await api.request("GET", "/api/health/ready")).status).toBe(200);
  });
});
