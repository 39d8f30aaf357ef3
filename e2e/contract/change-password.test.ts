import { describe, expect, inject, it } from "vitest";
import { waitForMail } from "../support/mailbox";
import { apiClient, backends, bearer, browserSessionCookie, cookiePair, signedUpUser, strongPassword, uniqueEmail } from "./client";

const mailDir = inject("mailDir");

describe.each(backends)("PATCH /api/v1/user/password on $name", ({ url }) => {
  const api = apiClient(url);

  /** The password still works: a failed change changed nothing. */
  async function expectPasswordUnchanged(email: string, password: string) {
    expect((await api.login({ email, password })).status).toBe(200);
  }

  it("changes the password with a Bearer token: the old one stops working, the new one works", async () => {
    const { email, password, token } = await signedUpUser(api);
    const newPassword = strongPassword();
    const response = await api.changePassword({ oldPassword: password, newPassword }, { headers: bearer(token) });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ message: "Password updated successfully" });
    expect((await api.login({ email, password })).status).toBe(401);
    expect((await api.login({ email, password: newPassword })).status).toBe(200);
  });

  it("keeps the caller's token, revokes every other session and token, and sets passwordChangedAt", async () => {
    const { email, password, token } = await signedUpUser(api);
    const otherToken = (await api.login({ email, password })).body.token as string;
    const browser = await browserSessionCookie(url, email, password);
    const before = Date.now();

    const response = await api.changePassword({ oldPassword: password, newPassword: strongPassword() }, { headers: bearer(token) });
    expect(response.status).toBe(200);

    expect((await api.check({ headers: bearer(otherToken) })).status).toBe(401);
    expect((await api.check({ headers: { cookie: browser } })).status).toBe(401);
    const caller = await api.check({ headers: bearer(token) });
    expect(caller.status).toBe(200);
    expect(new Date(caller.body.passwordChangedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("works from a browser session, which stays signed in", async () => {
    const { email, password, token } = await signedUpUser(api);
    const browser = await browserSessionCookie(url, email, password);
    const response = await api.changePassword({ oldPassword: password, newPassword: strongPassword() }, { headers: { cookie: browser } });
    expect(response.status).toBe(200);
    expect((await api.check({ headers: { cookie: browser } })).status).toBe(200);
    expect((await api.check({ headers: bearer(token) })).status).toBe(401);
  });

  it("works with the userToken cookie", async () => {
    const { password, cookie } = await signedUpUser(api);
    const response = await api.changePassword({ oldPassword: password, newPassword: strongPassword() }, { headers: { cookie: cookiePair(cookie) } });
    expect(response.status).toBe(200);
  });

  it("leaves other sessions alone when revokeOtherSessions is false", async () => {
    const { email, password, token } = await signedUpUser(api);
    const otherToken = (await api.login({ email, password })).body.token as string;
    const response = await api.changePassword(
      { oldPassword: password, newPassword: strongPassword(), revokeOtherSessions: false },
      { headers: bearer(token) },
    );
    expect(response.status).toBe(200);
    expect((await api.check({ headers: bearer(otherToken) })).status).toBe(200);
  });

  it("accepts the seed's example request (SecurePass123 → NewSecurePass123): neither is a common password", async () => {
    const email = uniqueEmail("seed");
    await api.register({ email, password: "SecurePass123" });
    const { token } = (await api.login({ email, password: "SecurePass123" })).body;
    const response = await api.changePassword({ newPassword: "NewSecurePass123", oldPassword: "SecurePass123" }, { headers: bearer(token) });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ message: "Password updated successfully" });
  });

  it("sends a 'your password was changed' mail with time, IP, a device summary (never the header's text) and a recovery link", async () => {
    const { email, password, token } = await signedUpUser(api);
    const after = Date.now() - 1000;
    const userAgent = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Chrome/131.0 Safari/537.36 URGENT call +1-555-0100 or visit https://evil.example/x";
    await api.changePassword({ oldPassword: password, newPassword: strongPassword() }, { headers: { ...bearer(token), "user-agent": userAgent } });
    const mail = await waitForMail(mailDir, { to: email, subject: "Your password was changed", after });
    expect(mail.text).toMatch(/When: .*GMT/);
    expect(mail.text).toMatch(/IP address: \S+/);
    expect(mail.text).toContain("Device: Chrome on macOS");
    for (const part of [mail.text, mail.html || ""]) {
      expect(part).not.toContain("URGENT");
      expect(part).not.toContain("evil.example");
    }
    expect(mail.text).toContain("/forgot-password");
    expect(mail.text).not.toContain(password);
  });

  it("records a password_changed security event", async () => {
    const { password, token } = await signedUpUser(api);
    await api.changePassword({ oldPassword: password, newPassword: strongPassword() }, { headers: bearer(token) });
    const events = await api.securityEvents({ headers: bearer(token) });
    expect(events.status).toBe(200);
    expect(events.body.events[0]).toMatchObject({ type: "password_changed" });
  });

  it("answers INVALID_PARAMETERS when revokeOtherSessions is not a boolean", async () => {
    const { password, token } = await signedUpUser(api);
    const response = await api.changePassword(
      { oldPassword: password, newPassword: strongPassword(), revokeOtherSessions: "yes" },
      { headers: bearer(token) },
    );
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: "INVALID_PARAMETERS", errors: { revokeOtherSessions: ["Must be true or false"] } });
  });

  it.each([
    ["malformed JSON", { raw: "{", headers: {}, status: 400, code: "MALFORMED_JSON" }],
    ["a text body", { raw: "oldPassword=x", headers: { "content-type": "text/plain" }, status: 415, code: "UNSUPPORTED_MEDIA_TYPE" }],
    ["a 20 KiB body", { raw: JSON.stringify({ oldPassword: "x".repeat(20_480), newPassword: "y" }), headers: {}, status: 413, code: "PAYLOAD_TOO_LARGE" }],
  ])("answers %s with the contract's error", async (_label, { raw, headers, status, code }) => {
    const { token } = await signedUpUser(api);
    const response = await api.changePassword(undefined, { raw, headers: { ...bearer(token), ...headers } });
    expect(response.status).toBe(status);
    expect(response.body.code).toBe(code);
  });

  it.each([
    ["no token", () => ({})],
    ["an unknown token", () => bearer(`cxp_${"Z".repeat(43)}`)],
    ["a garbled Authorization header", () => ({ authorization: "Bearer" })],
  ])("answers 401 for %s", async (_label, headers) => {
    const response = await api.changePassword({ oldPassword: "a", newPassword: "b" }, { headers: headers() });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ message: "Unauthorized", code: "UNAUTHORIZED" });
  });

  it("answers 401 for a revoked token", async () => {
    const { password, token } = await signedUpUser(api);
    await api.logout({ headers: bearer(token) });
    const response = await api.changePassword({ oldPassword: password, newPassword: strongPassword() }, { headers: bearer(token) });
    expect(response.status).toBe(401);
  });

  it("of 20 concurrent changes presenting the same old password, exactly one succeeds", async () => {
    const { email, password, token } = await signedUpUser(api);
    const attempts = Array.from({ length: 20 }, () => strongPassword());
    const responses = await Promise.all(
      attempts.map((newPassword) => api.changePassword({ oldPassword: password, newPassword, revokeOtherSessions: false }, { headers: bearer(token) })),
    );
    const winners = responses.flatMap((response, index) => (response.status === 200 ? [attempts[index]!] : []));
    expect(winners).toHaveLength(1);
    for (const response of responses.filter((candidate) => candidate.status !== 200)) {
      expect(response.body.code).toBe("INCORRECT_OLD_PASSWORD");
    }
    expect((await api.login({ email, password: winners[0]! })).status).toBe(200);
    expect((await api.login({ email, password })).status).toBe(401);
  });

  describe.each(["a Bearer token", "a browser session cookie"])("error rows, authenticated with %s", (method) => {
    /** A fresh account, and the headers that authenticate as it by `method`. */
    async function caller(name = "Test User", password = strongPassword()) {
      const email = uniqueEmail();
      await api.register({ email, password, name });
      const headers =
        method === "a Bearer token"
          ? bearer((await api.login({ email, password })).body.token as string)
          : { cookie: await browserSessionCookie(url, email, password) };
      return { email, password, headers };
    }

    it("answers INCORRECT_OLD_PASSWORD and changes nothing", async () => {
      const { email, password, headers } = await caller();
      const response = await api.changePassword({ oldPassword: strongPassword(), newPassword: strongPassword() }, { headers });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ message: "Incorrect old password", code: "INCORRECT_OLD_PASSWORD" });
      await expectPasswordUnchanged(email, password);
    });

    it("answers SAME_PASSWORD, also for another Unicode form of the same password", async () => {
      const { headers } = await caller("Test User", "Crème-brûlée-2024");
      for (const newPassword of ["Crème-brûlée-2024", "Crème-brûlée-2024".normalize("NFD")]) {
        const response = await api.changePassword({ oldPassword: "Crème-brûlée-2024", newPassword }, { headers });
        expect(response.status).toBe(400);
        expect(response.body).toEqual({ message: "New password cannot be the same as the old password", code: "SAME_PASSWORD" });
      }
    });

    it.each([
      ["common", () => "iloveyou1", "This is a commonly used password; choose another"],
      ["short", () => "k3y!", "Use at least 8 characters"],
      ["the account's email", (email: string) => email, "Do not use your email address as your password"],
      ["the account's name", () => "Test User", "Do not use your name as your password"],
    ])("answers WEAK_PASSWORD for a %s new password, listing why, and changes nothing", async (_label, newPassword, reason) => {
      const { email, password, headers } = await caller("Test User");
      const response = await api.changePassword({ oldPassword: password, newPassword: newPassword(email) }, { headers });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: "WEAK_PASSWORD", message: "Password does not meet the requirements" });
      expect(response.body.errors.newPassword).toContain(reason);
      await expectPasswordUnchanged(email, password);
    });

    it.each([
      ["absent", {}, ["newPassword", "oldPassword"]],
      ["empty", { oldPassword: "", newPassword: "" }, ["newPassword", "oldPassword"]],
      ["null", { oldPassword: null, newPassword: null }, ["newPassword", "oldPassword"]],
      ["missing the new one", { oldPassword: "something" }, ["newPassword"]],
    ])("answers MISSING_PARAMETERS when fields are %s", async (_label, body, fields) => {
      const { headers } = await caller();
      const response = await api.changePassword(body, { headers });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe("MISSING_PARAMETERS");
      expect(response.body.message).toBe("Missing One or More Required Parameters");
      expect(Object.keys(response.body.errors).sort()).toEqual(fields);
    });

    it("answers INVALID_PARAMETERS saying what was expected when fields are present with the wrong type, changing nothing", async () => {
      const { headers, email, password } = await caller();
      const response = await api.changePassword({ oldPassword: 123, newPassword: true, revokeOtherSessions: "yes" }, { headers });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        message: "Invalid parameters",
        code: "INVALID_PARAMETERS",
        errors: { oldPassword: ["Expected text, got a number"], newPassword: ["Expected text, got a boolean"], revokeOtherSessions: ["Must be true or false"] },
      });
      await expectPasswordUnchanged(email, password);
    });
  });
});
