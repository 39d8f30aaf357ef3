import { describe, expect, inject, it } from "vitest";
import { apiClient, backends } from "./client";

describe.each(backends)("health endpoints on $name", ({ url }) => {
  it("answers liveness and readiness with 200", async () => {
    const live = await apiClient(url).request("GET", "/api/health");
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ message: "OK" });
    const ready = await apiClient(url).request("GET", "/api/health/ready");
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({
      message: "Ready",
      mail: { due: expect.any(Number), pending: expect.any(Number), oldestPendingSeconds: expect.toBeOneOf([null, expect.any(Number)]), dead: expect.any(Number) },
    });
  });

  it("does not serve the development outbox in production", async () => {
    const response = await apiClient(url).request("GET", "/dev/outbox");
    expect(response.status).toBe(404);
  });
});

describe("health endpoints with an unreachable database", () => {
  it("stay live, but not ready: 503 with Retry-After", async () => {
    const api = apiClient(inject("unreachableDatabaseUrl"));
    expect((await api.request("GET", "/api/health")).status).toBe(200);
    const response = await api.request("GET", "/api/health/ready");
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(response.body.code).toBe("SERVICE_UNAVAILABLE");
  });
});

describe.each(backends)("security headers on $name", ({ url }) => {
  it("are on API responses too", async () => {
    const response = await apiClient(url).request("GET", "/api/health");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});
