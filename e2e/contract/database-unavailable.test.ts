import { describe, expect, inject, it } from "vitest";
import { apiClient, strongPassword, uniqueEmail } from "./client";

describe("a server whose database is unreachable", () => {
  const api = apiClient(inject("unreachableDatabaseUrl"));

  it.each([
    ["login", () => api.login({ email: uniqueEmail(), password: strongPassword() })],
    ["register", () => api.register({ email: uniqueEmail(), password: strongPassword() })],
    ["check", () => api.check({ headers: { authorization: `Bearer cxp_${"C".repeat(43)}` } })],
  ])("answers %s with 503, Retry-After and a request id", async (_label, call) => {
    const response = await call();
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(response.body).toEqual({
      message: "Service temporarily unavailable",
      code: "SERVICE_UNAVAILABLE",
      requestId: response.headers.get("x-request-id"),
    });
  });

  it("still validates input before touching the database", async () => {
    const response = await api.login({});
    expect(response.status).toBe(400);
    expect(response.body.code).toBe("MISSING_PARAMETERS");
  });
});
