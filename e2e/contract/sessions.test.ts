import { describe, expect, it } from "vitest";
import { apiClient, backends, bearer, browserSessionCookie, cookiePair, signedUpUser } from "./client";

const DEVICE = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";

/** The pages' "Sign out": next-auth's signout endpoint, with its CSRF token, from a browser. */
async function signOutInBrowser(baseUrl: string, sessionCookie: string) {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { cookie: sessionCookie, "user-agent": DEVICE } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = [sessionCookie, ...csrf.headers.getSetCookie().map(cookiePair)].join("; ");
  return fetch(`${baseUrl}/api/auth/signout`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, "user-agent": DEVICE },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/sign-in", json: "true" }),
    redirect: "manual",
  });
}

describe.each(backends)("session management endpoints on $name", ({ url }) => {
  const api = apiClient(url);

  it("lists the caller's live sessions with kind, times, IP and device, marking the current one", async () => {
    const { email, password, token } = await signedUpUser(api);
    await browserSessionCookie(url, email, password);
    const response = await api.sessions({ headers: bearer(token) });
    expect(response.status).toBe(200);
    const sessions = response.body.sessions as Array<Record<string, unknown>>;
    expect(sessions).toHaveLength(2);
    expect(sessions.map((session) => session.kind).sort()).toEqual(["api", "browser"]);
    expect(sessions.filter((session) => session.current)).toHaveLength(1);
    expect(sessions[0]).toEqual({
      id: expect.any(String),
      kind: expect.any(String),
      current: expect.any(Boolean),
      createdAt: expect.any(String),
      lastSeenAt: expect.any(String),
      expiresAt: expect.any(String),
      ip: expect.any(String),
      userAgent: expect.any(String),
    });
    expect(JSON.stringify(response.body)).not.toMatch(/tokenHash|cxp_/);
  });

  it("records a sign-out from the pages with the address and device that sent it, as every other event", async () => {
    const { email, password, token } = await signedUpUser(api);
    const sessionCookie = await browserSessionCookie(url, email, password);
    const signedOut = await signOutInBrowser(url, sessionCookie);
    expect(signedOut.status).toBe(200);
    const events = (await api.securityEvents({ headers: bearer(token) })).body.events as Array<{ type: string; ip: string | null; userAgent: string | null }>;
    const signOut = events.find((event) => event.type === "signed_out");
    expect(signOut).toMatchObject({ ip: expect.stringMatching(/^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/), userAgent: DEVICE });
    expect(events.filter((event) => event.ip === null || event.userAgent === null)).toEqual([]);
  });

  it("revokes one session of the caller's, and no one else's", async () => {
    const first = await signedUpUser(api);
    const second = await signedUpUser(api);
    const other = (await api.login({ email: first.email, password: first.password })).body.token as string;
    const listed = (await api.sessions({ headers: bearer(first.token) })).body.sessions as Array<{ id: string; current: boolean }>;
    const target = listed.find((session) => !session.current)!;

    expect((await api.request("DELETE", `/api/v1/user/sessions/${target.id}`, undefined, { headers: bearer(second.token) })).status).toBe(404);
    expect((await api.check({ headers: bearer(other) })).status).toBe(200);

    const revoked = await api.request("DELETE", `/api/v1/user/sessions/${target.id}`, undefined, { headers: bearer(first.token) });
    expect(revoked.status).toBe(200);
    expect((await api.check({ headers: bearer(other) })).status).toBe(401);
    expect((await api.request("DELETE", `/api/v1/user/sessions/${target.id}`, undefined, { headers: bearer(first.token) })).status).toBe(404);
  });

  it("signs out everywhere else but keeps the caller", async () => {
    const { email, password, token } = await signedUpUser(api);
    const others = [
      (await api.login({ email, password })).body.token as string,
      (await api.login({ email, password })).body.token as string,
    ];
    const response = await api.request("POST", "/api/v1/user/sessions/revoke-others", undefined, { headers: bearer(token) });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ message: "Signed out everywhere else", revoked: 2 });
    for (const other of others) expect((await api.check({ headers: bearer(other) })).status).toBe(401);
    expect((await api.check({ headers: bearer(token) })).status).toBe(200);
  });

  it("lists the last 10 security events, newest first", async () => {
    const { email, password, token } = await signedUpUser(api);
    for (let attempt = 0; attempt < 11; attempt += 1) await api.login({ email, password: `${password}-wrong` });
    // A failed sign-in's event is written once its answer is out (a known email must not wait for it).
    const newest = async () => {
      const response = await api.securityEvents({ headers: bearer(token) });
      expect(response.status).toBe(200);
      return response.body.events as Array<{ type: string; ip: string }>;
    };
    await expect.poll(async () => (await newest()).filter((event) => event.type === "sign_in_failed").length).toBe(10);
    const events = await newest();
    expect(events).toHaveLength(10);
    expect(events[0]).toMatchObject({ type: "sign_in_failed", ip: expect.any(String) });
  });

  it("requires authentication", async () => {
    expect((await api.sessions()).status).toBe(401);
    expect((await api.securityEvents()).status).toBe(401);
    expect((await api.request("POST", "/api/v1/user/sessions/revoke-others")).status).toBe(401);
  });
});
