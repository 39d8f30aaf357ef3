import { describe, expect, it } from "vitest";
import { waitForMail } from "../support/mailbox";
import { apiClient, backends, bearer, browserSessionCookie, signedUpUser, strongPassword } from "./client";
import { mailDir, recovery } from "./email-helpers";

describe.each(backends)("DELETE /api/v1/user on $name", ({ url }) => {
  const api = apiClient(url);
  const { deleteAccount } = recovery(api);

  it("refuses a wrong password with INCORRECT_PASSWORD and deletes nothing", async () => {
    const { email, password, token } = await signedUpUser(api);
    const response = await deleteAccount({ password: strongPassword() }, { headers: bearer(token) });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ message: "Incorrect password", code: "INCORRECT_PASSWORD" });
    expect((await api.login({ email, password })).status).toBe(200);
  });

  it("deletes the account: every session and token ends, a goodbye is mailed, and the address can register again", async () => {
    const { email, password, token } = await signedUpUser(api);
    const browser = await browserSessionCookie(url, email, password);
    const key = await api.request("POST", "/api/v1/user/api-keys", { name: "Leaving" }, { headers: bearer(token) });
    expect(key.status).toBe(201);
    const after = Date.now() - 1000;

    const response = await deleteAccount({ password }, { headers: { cookie: browser } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ message: "Account deleted" });

    expect((await api.check({ headers: bearer(token) })).status).toBe(401);
    expect((await api.check({ headers: { cookie: browser } })).status).toBe(401);
    expect((await api.login({ email, password })).status).toBe(401);
    // The API key went with the account: seed 002 no longer knows it, even for another live user,
    // who with a live key would get as far as the password check (400).
    const other = await signedUpUser(api);
    const seed = await api.request("PATCH", "/api/user/password", { oldPassword: strongPassword(), newPassword: strongPassword() }, { headers: { "x-api-key": key.body.key, ...bearer(other.token) } });
    expect(seed.status).toBe(401);
    expect(seed.body).toEqual({ success: false, message: "Invalid API key" });
    const goodbye = await waitForMail(mailDir, { to: email, subject: "Your account was deleted", after });
    expect(goodbye.text).toContain("register again");
    expect((await api.register({ email, password: strongPassword() })).status).toBe(201);
  });

  it("a deletion racing a password change: exactly one wins, and the account ends consistent", async () => {
    // A change does more work (two hashes, the policy) than a deletion (one check): the deletion
    // starts later and later, so that in some round it checks the password while the change commits.
    for (let delayMs = 0; delayMs <= 300; delayMs += 25) {
      const { email, password, token } = await signedUpUser(api);
      const newPassword = strongPassword();
      const change = api.changePassword({ oldPassword: password, newPassword, revokeOtherSessions: false }, { headers: bearer(token) });
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      const [deleted, changed] = await Promise.all([deleteAccount({ password }, { headers: bearer(token) }), change]);
      expect([deleted.status, changed.status].filter((status) => status === 200)).toHaveLength(1);
      expect(deleted.status).toBeLessThan(500);
      expect(changed.status).toBeLessThan(500);
      if (deleted.status === 200) {
        expect((await api.login({ email, password: newPassword })).status).toBe(401);
        expect((await api.login({ email, password })).status).toBe(401);
      } else {
        expect(deleted.body.code).toBe("INCORRECT_PASSWORD");
        expect((await api.login({ email, password: newPassword })).status).toBe(200);
      }
    }
  });
});
