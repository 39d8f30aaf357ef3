import { describe, expect, it } from "vitest";
import { apiClient, backends, bearer, browserSessionCookie, cookiePair, signedUpUser, strongPassword, uniqueEmail } from "./client";
import { completeReset, confirm, requestReset } from "./reset-helpers";

describe.each(backends)("forgot password → confirm → reset on $name", ({ url }) => {
  const api = apiClient(url);
  const forgot = (email: unknown) => api.request("POST", "/api/v1/user/forgot-password", { email });

  it("answers known and unknown emails with the same status and body", async () => {
    const { email } = await signedUpUser(api);
    const known = await forgot(email);
    const unknown = await forgot(uniqueEmail("nobody"));
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(known.text).toBe(unknown.text);
    expect(known.body).toEqual({ message: "If an account exists for this email, a reset code has been sent" });
  });

  it("allows one request per address per 60 s, for unknown addresses too", async () => {
    const { email } = await signedUpUser(api);
    expect((await forgot(email)).status).toBe(200);
    const again = await forgot(email.toUpperCase());
    expect(again.status).toBe(429);
    expect(again.body).toMatchObject({ code: "TOO_MANY_REQUESTS", message: "Too many requests" });
    expect(Number(again.headers.get("retry-after"))).toBeGreaterThan(0);
    const nobody = uniqueEmail("nobody");
    expect((await forgot(nobody)).status).toBe(200);
    expect((await forgot(nobody)).status).toBe(429);
  });

  it("completes the whole flow with the code and the confirmation cookie, signs out every session, and signs in no one", async () => {
    const { email, password, token } = await signedUpUser(api);
    const browser = await browserSessionCookie(url, email, password);
    const { code } = await requestReset(api, email);

    const confirmed = await confirm(api, { resetToken: code, email });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toEqual({ message: "OTP confirmed", email });
    const setCookie = confirmed.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^passwordReset=[A-Za-z0-9_-]{43}; Path=\/api\/v1\/user\/password-reset; .*HttpOnly; SameSite=Strict/);

    const newPassword = strongPassword();
    const reset = await completeReset(api, { email, password: newPassword }, cookiePair(setCookie));
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual({ message: "Password reset successfully" });
    expect(reset.headers.get("set-cookie")).toMatch(/^passwordReset=;/);
    expect(reset.text).not.toMatch(/token/);

    expect((await api.check({ headers: bearer(token) })).status).toBe(401);
    expect((await api.check({ headers: { cookie: browser } })).status).toBe(401);
    expect((await api.login({ email, password })).status).toBe(401);
    expect((await api.login({ email, password: newPassword })).status).toBe(200);
  });

  it("confirms with the link's token alone and completes with that token in the body", async () => {
    const { email } = await signedUpUser(api);
    const { token } = await requestReset(api, email);
    const confirmed = await confirm(api, { resetToken: token });
    expect(confirmed.body).toEqual({ message: "OTP confirmed", email });
    const reset = await completeReset(api, { email, password: strongPassword(), resetToken: token });
    expect(reset.status).toBe(200);
  });

  it("sends a 'your password was reset' mail afterwards, naming the device by summary only", async () => {
    const { email } = await signedUpUser(api);
    const { code } = await requestReset(api, email);
    await confirm(api, { resetToken: code, email });
    const after = Date.now() - 1000;
    const userAgent = "URGENT call +1-555-0100 or visit https://evil.example/now";
    await api.request("POST", "/api/v1/user/password-reset", { email, password: strongPassword(), resetToken: code }, { headers: { "user-agent": userAgent } });
    const { waitForMail } = await import("../support/mailbox");
    const { inject } = await import("vitest");
    const mail = await waitForMail(inject("mailDir"), { to: email, subject: "Your password was reset", after });
    expect(mail.text).toContain("every session was signed out");
    expect(mail.text).toContain("Device: Other client");
    for (const part of [mail.text, mail.html || ""]) {
      expect(part).not.toContain("URGENT");
      expect(part).not.toContain("evil.example");
    }
  });

  it("of 20 concurrent completions of one reset, exactly one succeeds", async () => {
    const { email } = await signedUpUser(api);
    const { code } = await requestReset(api, email);
    const cookie = cookiePair((await confirm(api, { resetToken: code, email })).headers.get("set-cookie")!);
    const passwords = Array.from({ length: 20 }, () => strongPassword());
    const responses = await Promise.all(passwords.map((password) => completeReset(api, { email, password }, cookie)));
    const winners = responses.flatMap((response, index) => (response.status === 200 ? [passwords[index]!] : []));
    expect(winners).toHaveLength(1);
    for (const response of responses.filter((candidate) => candidate.status !== 200)) expect(response.body.code).toBe("INVALID_REQUEST");
    expect((await api.login({ email, password: winners[0]! })).status).toBe(200);
  });

  describe("INVALID_OTP", () => {
    it.each([
      ["a wrong code", async (email: string, code: string) => ({ resetToken: code === "000000" ? "000001" : "000000", email })],
      ["a made-up link token", async () => ({ resetToken: "A".repeat(43) })],
    ])("for %s", async (_label, body) => {
      const { email } = await signedUpUser(api);
      const { code } = await requestReset(api, email);
      const response = await confirm(api, await body(email, code));
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ message: "Invalid OTP", code: "INVALID_OTP" });
    });

    it("for one account's code with another account's email, changing nothing for either", async () => {
      const [a, b] = [await signedUpUser(api), await signedUpUser(api)];
      const [resetA, resetB] = [await requestReset(api, a.email), await requestReset(api, b.email)];
      // Six digits: two resets share a code once in a million runs, and then this test proves nothing.
      expect(resetA.code).not.toBe(resetB.code);

      const crossed = await confirm(api, { resetToken: resetA.code, email: b.email });
      expect(crossed.status).toBe(400);
      expect(crossed.body).toEqual({ message: "Invalid OTP", code: "INVALID_OTP" });
      expect(crossed.headers.get("set-cookie")).toBeNull();

      // Neither reset was confirmed, neither password changed, and each code still confirms its own reset.
      for (const [{ email, password }, { code }] of [[a, resetA], [b, resetB]] as const) {
        expect((await completeReset(api, { email, password: strongPassword(), resetToken: code })).body.code).toBe("INVALID_REQUEST");
        expect((await api.login({ email, password })).status).toBe(200);
        expect((await confirm(api, { resetToken: code, email })).body).toEqual({ message: "OTP confirmed", email });
      }
    });

    it("locks the code after 5 wrong tries: the right one then fails too", async () => {
      const { email } = await signedUpUser(api);
      const { code } = await requestReset(api, email);
      const wrong = code === "111111" ? "222222" : "111111";
      for (let attempt = 0; attempt < 5; attempt += 1) expect((await confirm(api, { resetToken: wrong, email })).status).toBe(400);
      expect((await confirm(api, { resetToken: code, email })).body.code).toBe("INVALID_OTP");
    });

    it("for a code that was already used", async () => {
      const { email } = await signedUpUser(api);
      const { code } = await requestReset(api, email);
      await confirm(api, { resetToken: code, email });
      expect((await completeReset(api, { email, password: strongPassword(), resetToken: code })).status).toBe(200);
      expect((await confirm(api, { resetToken: code, email })).body.code).toBe("INVALID_OTP");
    });
  });

  it("needs the email with a six-digit code: MISSING_PARAMETERS naming it", async () => {
    const response = await confirm(api, { resetToken: "123456" });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: "MISSING_PARAMETERS", errors: { email: ["This field is required"] } });
  });

  describe("password-reset errors", () => {
    it("INVALID_REQUEST when the reset was never started", async () => {
      const { email } = await signedUpUser(api);
      const response = await completeReset(api, { email, password: strongPassword(), resetToken: "123456" });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ message: "Invalid Request", code: "INVALID_REQUEST" });
    });

    it("INVALID_REQUEST when started but not confirmed", async () => {
      const { email, password } = await signedUpUser(api);
      const { code, token } = await requestReset(api, email);
      expect((await completeReset(api, { email, password: strongPassword(), resetToken: code })).body.code).toBe("INVALID_REQUEST");
      expect((await completeReset(api, { email, password: strongPassword(), resetToken: token })).body.code).toBe("INVALID_REQUEST");
      expect((await api.login({ email, password })).status).toBe(200);
    });

    it("INVALID_REQUEST without any proof of confirmation", async () => {
      const { email, password } = await signedUpUser(api);
      const { code } = await requestReset(api, email);
      await confirm(api, { resetToken: code, email });
      const response = await completeReset(api, { email, password: strongPassword() });
      expect(response.body.code).toBe("INVALID_REQUEST");
      expect((await api.login({ email, password })).status).toBe(200);
    });

    it("INVALID_REQUEST when the reset was already consumed", async () => {
      const { email } = await signedUpUser(api);
      const { code } = await requestReset(api, email);
      const cookie = cookiePair((await confirm(api, { resetToken: code, email })).headers.get("set-cookie")!);
      expect((await completeReset(api, { email, password: strongPassword() }, cookie)).status).toBe(200);
      expect((await completeReset(api, { email, password: strongPassword() }, cookie)).body.code).toBe("INVALID_REQUEST");
    });

    it("NO_ACCOUNT when the email is not the confirmed reset's", async () => {
      const { email, password } = await signedUpUser(api);
      const { code } = await requestReset(api, email);
      const cookie = cookiePair((await confirm(api, { resetToken: code, email })).headers.get("set-cookie")!);
      const response = await completeReset(api, { email: uniqueEmail("other"), password: strongPassword() }, cookie);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ message: "No Account found with this email address", code: "NO_ACCOUNT" });
      expect((await api.login({ email, password })).status).toBe(200);
    });

    it("WEAK_PASSWORD and SAME_PASSWORD, changing nothing and leaving the reset usable", async () => {
      const { email, password } = await signedUpUser(api);
      const { code } = await requestReset(api, email);
      const cookie = cookiePair((await confirm(api, { resetToken: code, email })).headers.get("set-cookie")!);
      const weak = await completeReset(api, { email, password: "password1" }, cookie);
      expect(weak.body).toMatchObject({ code: "WEAK_PASSWORD", errors: { password: ["This is a commonly used password; choose another"] } });
      const same = await completeReset(api, { email, password }, cookie);
      expect(same.body).toEqual({ message: "New password cannot be the same as the old password", code: "SAME_PASSWORD" });
      expect((await completeReset(api, { email, password: strongPassword() }, cookie)).status).toBe(200);
    });

    it.each([
      ["absent", {}, ["email", "password"]],
      ["empty", { email: "", password: "" }, ["email", "password"]],
    ])("MISSING_PARAMETERS when fields are %s", async (_label, body, fields) => {
      const response = await completeReset(api, body);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe("MISSING_PARAMETERS");
      expect(Object.keys(response.body.errors).sort()).toEqual(fields);
    });
  });
});
