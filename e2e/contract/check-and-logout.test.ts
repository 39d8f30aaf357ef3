import { describe, expect, it } from "vitest";
import { apiClient, backends, bearer, cookiePair, signedUpUser } from "./client";

describe.each(backends)("GET /api/v1/user/check on $name", ({ url }) => {
  const api = apiClient(url);

  it("returns the user and a new token; the old token then fails and the new one works", async () => {
    const { token, email } = await signedUpUser(api, "Rotating Rita");
    const checked = await api.check({ headers: bearer(token) });
    expect(checked.status).toBe(200);
    expect(checked.body).toEqual({
      message: "Session valid",
      token: expect.stringMatching(/^cxp_/),
      expiresAt: expect.any(String),
      id: expect.any(String),
      email,
      name: "Rotating Rita",
      createdAt: expect.any(String),
      passwordChangedAt: null,
      emailVerified: false,
    });
    expect(checked.body.token).not.toBe(token);
    expect(checked.headers.get("set-cookie")).toContain(`userToken=${checked.body.token}`);

    expect((await api.check({ headers: bearer(token) })).status).toBe(401);
    expect((await api.check({ headers: bearer(checked.body.token) })).status).toBe(200);
  });

  it("authenticates with the userToken cookie", async () => {
    const { cookie } = await signedUpUser(api);
    const response = await api.check({ headers: { cookie: cookiePair(cookie) } });
    expect(response.status).toBe(200);
  });

  it("lets exactly one of several concurrent rotations of one token succeed", async () => {
    const { token } = await signedUpUser(api);
    const responses = await Promise.all(Array.from({ length: 6 }, () => api.check({ headers: bearer(token) })));
    expect(responses.map((response) => response.status).sort()).toEqual([200, 401, 401, 401, 401, 401]);
  });

  it.each([
    ["no credentials", {}],
    ["an unknown token", bearer(`cxp_${"A".repeat(43)}`)],
    ["a malformed token", bearer("not-a-token")],
    ["another scheme", { authorization: "Basic dXNlcjpwYXNz" }],
    ["an unknown cookie token", { cookie: `userToken=cxp_${"B".repeat(43)}` }],
  ])("answers 401 for %s", async (_label, headers) => {
    const response = await api.check({ headers });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ message: "Unauthorized", code: "UNAUTHORIZED" });
  });

  it("does not fall back to a valid cookie when the Bearer token is bad", async () => {
    const { cookie } = await signedUpUser(api);
    const response = await api.check({ headers: { ...bearer("cxp_bad"), cookie: cookiePair(cookie) } });
    expect(response.status).toBe(401);
  });
});

describe.each(backends)("POST /api/v1/user/logout on $name", ({ url }) => {
  const api = apiClient(url);

  it("revokes the calling token only", async () => {
    const { token, email, password } = await signedUpUser(api);
    const other = (await api.login({ email, password })).body.token as string;

    const response = await api.logout({ headers: bearer(token) });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ message: "Logged out" });
    expect(response.headers.get("set-cookie")).toMatch(/^userToken=;.*Expires=Thu, 01 Jan 1970/);

    expect((await api.check({ headers: bearer(token) })).status).toBe(401);
    expect((await api.logout({ headers: bearer(token) })).status).toBe(401);
    expect((await api.check({ headers: bearer(other) })).status).toBe(200);
  });

  it("revokes a cookie-authenticated session", async () => {
    const { cookie } = await signedUpUser(api);
    const headers = { cookie: cookiePair(cookie) };
    expect((await api.logout({ headers })).status).toBe(200);
    expect((await api.check({ headers })).status).toBe(401);
  });

  it("answers 401 without credentials", async () => {
    const response = await api.logout();
    expect(response.status).toBe(401);
    expect(response.body.code).toBe("UNAUTHORIZED");
  });
});
