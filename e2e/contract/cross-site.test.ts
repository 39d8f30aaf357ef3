import { describe, expect, it } from "vitest";
import { apiClient, backends, bearer, browserSessionCookie, cookiePair, signedUpUser, strongPassword } from "./client";

describe.each(backends)("cookie-authenticated mutations from another site on $name", ({ url }) => {
  const api = apiClient(url);
  const ownOrigin = new URL(url).origin;

  it.each([
    ["an Origin of another site", { origin: "https://evil.example" }],
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site: same-site (a sibling subdomain)", { "sec-fetch-site": "same-site" }],
    ["Origin: null", { origin: "null" }],
  ])("answer 403 ACCESS_DENIED for %s, and change nothing", async (_label, headers) => {
    const { email, password } = await signedUpUser(api);
    const browser = await browserSessionCookie(url, email, password);
    const response = await api.changePassword({ oldPassword: password, newPassword: strongPassword() }, { headers: { cookie: browser, ...headers } });
    expect(response.status).toBe(403);
    expect(response.body).toEqual({ message: "Access denied", code: "ACCESS_DENIED" });
    expect((await api.login({ email, password })).status).toBe(200);
  });

  it("refuses the userToken cookie from another site too", async () => {
    const { cookie } = await signedUpUser(api);
    const response = await api.logout({ headers: { cookie: cookiePair(cookie), origin: "https://evil.example" } });
    expect(response.status).toBe(403);
    expect((await api.check({ headers: { cookie: cookiePair(cookie) } })).status).toBe(200);
  });

  it("allows the same site, and reads from anywhere", async () => {
    const { email, password } = await signedUpUser(api);
    const browser = await browserSessionCookie(url, email, password);
    expect((await api.sessions({ headers: { cookie: browser, "sec-fetch-site": "cross-site" } })).status).toBe(200);
    const response = await api.changePassword(
      { oldPassword: password, newPassword: strongPassword() },
      { headers: { cookie: browser, origin: ownOrigin, "sec-fetch-site": "same-origin" } },
    );
    expect(response.status).toBe(200);
  });

  it("does not apply to Bearer tokens, which a browser never sends on its own", async () => {
    const { password, token } = await signedUpUser(api);
    const response = await api.changePassword(
      { oldPassword: password, newPassword: strongPassword() },
      { headers: { ...bearer(token), origin: "https://partner.example", "sec-fetch-site": "cross-site" } },
    );
    expect(response.status).toBe(200);
  });
});
