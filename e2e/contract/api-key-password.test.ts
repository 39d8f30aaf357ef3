// Seed 002: `PATCH /api/user/password` with an application's `x-api-key` and the user's Bearer
// token, answered in `{success, message}`. The key names the application; it is checked first.
import { describe, expect, inject, it } from "vitest";
import { waitForMail } from "../support/mailbox";
import { apiClient, backends, bearer, browserSessionCookie, signedUpUser, strongPassword, uniqueEmail, type ApiClient, type RequestOptions } from "./client";

const mailDir = inject("mailDir");
const PATH = "/api/user/password";

/** A developer's account registers an application and gets its key. */
async function applicationKey(api: ApiClient, name = "Acme CRM"): Promise<{ key: string; id: string; developerToken: string }> {
  const developer = await signedUpUser(api, "Developer");
  const created = await api.request("POST", "/api/v1/user/api-keys", { name }, { headers: bearer(developer.token) });
  if (created.status !== 201) throw new Error(`key creation failed: ${created.text}`);
  return { key: created.body.key, id: created.body.id, developerToken: developer.token };
}

describe.each(backends)("PATCH /api/user/password (seed 002) on $name", ({ url }) => {
  const api = apiClient(url);
  const patch = (body: unknown, options: RequestOptions = {}) => api.request("PATCH", PATH, body, options);

  it("runs the seed's curl example unchanged, for another account than the key's owner, and names the application", async () => {
    const { key, developerToken } = await applicationKey(api);
    const email = uniqueEmail();
    expect((await api.register({ email, password: "currentPassword123" })).status).toBe(201);
    const { token } = (await api.login({ email, password: "currentPassword123" })).body as { token: string };
    const otherToken = (await api.login({ email, password: "currentPassword123" })).body.token as string;
    const before = Date.now();

    const response = await patch(
      { oldPassword: "currentPassword123", newPassword: "newSecurePassword456" },
      // The example's headers (names are case-insensitive; the client's own content-type is this one).
      { headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "x-api-key": key } },
    );

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ success: true, message: "Password updated successfully" });
    expect((await api.login({ email, password: "newSecurePassword456" })).status).toBe(200);
    expect((await api.check({ headers: bearer(otherToken) })).status).toBe(401);
    const events = await api.securityEvents({ headers: bearer(token) });
    const changes = events.body.events.filter((event: { type: string }) => event.type === "password_changed");
    expect(changes).toEqual([expect.objectContaining({ application: "Acme CRM" })]);
    await waitForMail(mailDir, { to: email, subject: "Your password was changed", after: before - 1000 });
    // The key's last use is recorded for its owner.
    const listed = await api.request("GET", "/api/v1/user/api-keys", undefined, { headers: bearer(developerToken) });
    expect(new Date(listed.body.apiKeys[0].lastUsedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("records a key's last use only for a call that authenticated its user", async () => {
    const { key, developerToken } = await applicationKey(api);
    const lastUsed = async () => (await api.request("GET", "/api/v1/user/api-keys", undefined, { headers: bearer(developerToken) })).body.apiKeys[0].lastUsedAt;
    expect(await lastUsed()).toBeNull();
    const body = { oldPassword: strongPassword(), newPassword: strongPassword() };
    expect((await patch(body, { headers: { "x-api-key": key } })).status).toBe(401);
    expect((await patch(body, { headers: { "x-api-key": key, authorization: "Bearer not-a-token" } })).status).toBe(401);
    expect(await lastUsed()).toBeNull();
    const { token } = await signedUpUser(api);
    expect((await patch(body, { headers: { "x-api-key": key, ...bearer(token) } })).status).toBe(400);
    expect(await lastUsed()).not.toBeNull();
  });

  it("checks the key first: missing, unknown, malformed or revoked → 401 Invalid API key, whatever the token", async () => {
    const { key, id, developerToken } = await applicationKey(api);
    const { email, password, token } = await signedUpUser(api);
    const body = { oldPassword: password, newPassword: strongPassword() };
    expect((await api.request("DELETE", `/api/v1/user/api-keys/${id}`, undefined, { headers: bearer(developerToken) })).status).toBe(200);
    const invalidKeys: Array<Record<string, string>> = [
      {},
      { "x-api-key": "" },
      { "x-api-key": "cxk_" + "A".repeat(43) },
      { "x-api-key": "not a key" },
      { "x-api-key": key }, // revoked
    ];
    for (const headers of invalidKeys) {
      for (const auth of [bearer(token), {}]) {
        const response = await patch(body, { headers: { ...headers, ...auth } });
        expect(response.status, JSON.stringify(headers)).toBe(401);
        expect(response.body).toEqual({ success: false, message: "Invalid API key" });
      }
    }
    expect((await api.login({ email, password })).status).toBe(200);
  });

  it("needs the user's Bearer token besides the key: a key is no credential for any account", async () => {
    const { key, developerToken } = await applicationKey(api);
    const { email, password } = await signedUpUser(api);
    const browser = await browserSessionCookie(url, email, password);
    const body = { oldPassword: password, newPassword: strongPassword() };
    const withoutUserToken: Array<Record<string, string>> = [
      { "x-api-key": key },
      { "x-api-key": key, cookie: browser },
      { "x-api-key": key, ...bearer(key) },
      { "x-api-key": key, ...bearer("cxp_nope") },
    ];
    for (const headers of withoutUserToken) {
      const response = await patch(body, { headers });
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ success: false, message: "Unauthorized" });
    }
    // The key's owner is signed in, yet the key alone reaches not even the owner's account.
    expect((await api.check({ headers: bearer(developerToken) })).status).toBe(200);
    expect((await api.login({ email, password })).status).toBe(200);
  });

  it("answers the seed's error and v1's others in {success: false, message}", async () => {
    const { key } = await applicationKey(api);
    const { password, token } = await signedUpUser(api);
    const headers = { ...bearer(token), "x-api-key": key };
    const same = await patch({ oldPassword: password, newPassword: password }, { headers });
    expect(same.status).toBe(400);
    expect(same.body).toEqual({ success: false, message: "New password cannot be the same as the old password" });
    const wrong = await patch({ oldPassword: strongPassword(), newPassword: strongPassword() }, { headers });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toEqual({ success: false, message: "Incorrect old password" });
    const missing = await patch({ oldPassword: password }, { headers });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ success: false, message: "Missing One or More Required Parameters" });
    const weak = await patch({ oldPassword: password, newPassword: "password123" }, { headers });
    expect(weak.status).toBe(400);
    expect(weak.body).toEqual({ success: false, message: "Password does not meet the requirements" });
    const text = await api.request("PATCH", PATH, undefined, { raw: "x", headers: { ...headers, "content-type": "text/plain" } });
    expect(text.status).toBe(415);
    expect(text.body).toEqual({ success: false, message: "Content-Type must be application/json" });
  });

  it("answers a method the path lacks with 405 in {success: false, message} and Allow", async () => {
    const response = await api.request("POST", PATH, {});
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("PATCH, OPTIONS");
    expect(response.body).toEqual({ success: false, message: "Method Not Allowed" });
  });
});
