// On an https site every portal cookie carries the prefix browsers enforce, so a sibling
// subdomain cannot plant one; only the prefixed name is read (issue 9, item 10). The server
// here is production with an https APP_URL, reached over plain http on the loopback.
import { describe, expect, inject, it } from "vitest";
import { apiClient, backends, bearer, browserSessionCookie, cookiePair, signedUpUser, strongPassword, uniqueEmail } from "./client";
import { completeReset, confirm, requestReset } from "./reset-helpers";

const url = inject("httpsAppUrlServer");
const api = apiClient(url);

/** Each Set-Cookie header of a response, whole. */
async function setCookies(path: string, init: RequestInit): Promise<string[]> {
  const response = await fetch(`${url}${path}`, { ...init, redirect: "manual" });
  return response.headers.getSetCookie();
}

describe("cookie names and attributes on an https site", () => {
  it("login sets __Host-userToken and __Host-deviceToken: Secure, Path=/, no Domain", async () => {
    const email = uniqueEmail();
    const password = strongPassword();
    expect((await api.register({ email, password })).status).toBe(201);
    const cookies = await setCookies("/api/v1/user/login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    const names = cookies.map((cookie) => cookie.split("=")[0]).sort();
    expect(names).toEqual(["__Host-deviceToken", "__Host-userToken"]);
    for (const cookie of cookies) {
      expect(cookie).toMatch(/; Path=\/;/);
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).not.toMatch(/Domain=/i);
    }
  });

  it("reads only the prefixed userToken: a planted unprefixed one is not a credential", async () => {
    const { token } = await signedUpUser(api);
    expect((await api.check({ headers: { cookie: `userToken=${token}` } })).status).toBe(401);
    expect((await api.sessions({ headers: { cookie: `__Host-userToken=${token}` } })).status).toBe(200);
  });

  it("the browser session cookie is __Host-next-auth.session-token and works; the unprefixed name does not", async () => {
    const { email, password } = await signedUpUser(api);
    const session = await browserSessionCookie(url, email, password);
    expect(session).toMatch(/^__Host-next-auth\.session-token=/);
    expect((await api.sessions({ headers: { cookie: session } })).status).toBe(200);
    expect((await api.sessions({ headers: { cookie: session.replace(/^__Host-/, "") } })).status).toBe(401);
  });

  it("the path-scoped reset cookie is __Secure-passwordReset, and completes the reset under that name only", async () => {
    const { email } = await signedUpUser(api);
    const { code } = await requestReset(api, email);
    const confirmed = await confirm(api, { resetToken: code, email });
    const setCookie = confirmed.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^__Secure-passwordReset=[A-Za-z0-9_-]{43}; Path=\/api\/v1\/user\/password-reset; .*HttpOnly; SameSite=Strict; Secure/);
    const pair = cookiePair(setCookie);
    expect((await completeReset(api, { email, password: strongPassword() }, pair.replace(/^__Secure-/, ""))).body.code).toBe("INVALID_REQUEST");
    expect((await completeReset(api, { email, password: strongPassword() }, pair)).status).toBe(200);
  });

  it("next-auth's own cookies follow the same rule: __Host- and Secure", async () => {
    const cookies = await setCookies("/api/auth/csrf", {});
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie).toMatch(/^__Host-next-auth\./);
      expect(cookie).toMatch(/; Secure/i);
    }
  });

  it("a browser sign-in (next-auth) sets the device cookie too: __Host-deviceToken, SameSite=Strict", async () => {
    const { email, password } = await signedUpUser(api);
    const csrf = await fetch(`${url}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookies = await setCookies("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrf.headers.getSetCookie().map(cookiePair).join("; ") },
      body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    });
    const device = cookies.find((cookie) => cookie.startsWith("__Host-deviceToken="));
    expect(device).toMatch(/^__Host-deviceToken=[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}; /);
    expect(device).toMatch(/Path=\//i);
    expect(device).toMatch(/SameSite=Strict/i);
    expect(device).toMatch(/HttpOnly/i);
    expect(device).toMatch(/Secure/i);
  });

  it("logout clears the prefixed cookie", async () => {
    const { token } = await signedUpUser(api);
    const response = await api.logout({ headers: bearer(token) });
    expect(response.headers.get("set-cookie")).toMatch(/^__Host-userToken=; Path=\/; Expires=Thu, 01 Jan 1970/);
  });
});

describe.each(backends)("cookies on an http site ($name), production with ALLOW_INSECURE_HTTP", ({ url: httpUrl }) => {
  it("are neither Secure nor prefixed, the portal's and next-auth's alike, so a browser keeps them", async () => {
    const login = await signedUpUser(apiClient(httpUrl));
    expect(login.cookie).toMatch(/^userToken=/);
    const csrf = await fetch(`${httpUrl}/api/auth/csrf`);
    const all = [login.cookie, ...csrf.headers.getSetCookie()];
    for (const cookie of all) expect(cookie).not.toMatch(/Secure|__Host-/i);
  });
});

describe("PASSWORD_RESET_REQUIRE_PROOF=false alone (without PASSWORD_RESET_REVEAL_UNKNOWN_EMAIL)", () => {
  const legacy = apiClient(inject("proofNotRequiredUrl"));

  it("answers an unknown email with INVALID_REQUEST, as for a known one with no reset: it reveals no account", async () => {
    const unknown = await completeReset(legacy, { email: uniqueEmail("nobody"), password: strongPassword() });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ message: "Invalid Request", code: "INVALID_REQUEST" });
    const { email } = await signedUpUser(legacy);
    expect((await completeReset(legacy, { email, password: strongPassword() })).body).toEqual(unknown.body);
  });
});
