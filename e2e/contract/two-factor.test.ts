import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { totpCodeAt } from "@/lib/server/security/totp";
import { apiClient, backends, bearer, cookiePair, signedUpUser, strongPassword, type ApiClient } from "./client";
import { completeReset, confirm, requestReset } from "./reset-helpers";
import { mailDir } from "./email-helpers";
import { waitForMail } from "../support/mailbox";

const STEP_MS = 30_000;
/** The code of the step `steps` after now: each use needs a later step than the last one accepted. */
const codeIn = (secret: string, steps: number) => totpCodeAt(secret, new Date(Date.now() + steps * STEP_MS));

/** An account with the authenticator app on, set up through the API; the confirmation spent the current step. */
async function withApp(api: ApiClient) {
  const account = await signedUpUser(api);
  const auth = { headers: bearer(account.token) };
  const started = await api.request("POST", "/api/v1/user/two-factor/totp", { password: account.password }, auth);
  expect(started.status).toBe(200);
  const secret = started.body.secret as string;
  const confirmed = await api.request("POST", "/api/v1/user/two-factor/totp/confirm", { code: await codeIn(secret, 0) }, auth);
  expect(confirmed.status).toBe(200);
  return { ...account, auth, secret, recoveryCodes: confirmed.body.recoveryCodes as string[] };
}

describe.each(backends)("two-step verification on $name", ({ url, logFile }) => {
  const api = apiClient(url);

  it("is set up with the password, then a current code; answers the secret once, then ten recovery codes", async () => {
    const account = await signedUpUser(api);
    const auth = { headers: bearer(account.token) };
    expect((await api.request("GET", "/api/v1/user/two-factor", undefined, auth)).body).toEqual({
      message: "Two-step verification",
      totp: { enabled: false },
      passkeys: [],
      recoveryCodesLeft: 0,
    });
    const wrongPassword = await api.request("POST", "/api/v1/user/two-factor/totp", { password: strongPassword() }, auth);
    expect(wrongPassword.status).toBe(400);
    expect(wrongPassword.body.code).toBe("INCORRECT_PASSWORD");
    expect((await api.request("POST", "/api/v1/user/two-factor/totp", {}, auth)).body.code).toBe("MISSING_PARAMETERS");

    const started = await api.request("POST", "/api/v1/user/two-factor/totp", { password: account.password }, auth);
    expect(started.status).toBe(200);
    expect(started.body).toEqual({ message: "Authenticator app pending", secret: expect.stringMatching(/^[A-Z2-7]{32}$/), otpauthUri: expect.stringMatching(/^otpauth:\/\/totp\//) });
    const uri = new URL(started.body.otpauthUri);
    expect(uri.searchParams.get("secret")).toBe(started.body.secret);
    expect(decodeURIComponent(uri.pathname)).toBe(`/Account portal:${account.email}`);

    const right = await codeIn(started.body.secret, 0);
    const wrongCode = await api.request("POST", "/api/v1/user/two-factor/totp/confirm", { code: right === "000000" ? "111111" : "000000" }, auth);
    expect(wrongCode.body.code).toBe("INVALID_OTP");
    expect((await api.request("GET", "/api/v1/user/two-factor", undefined, auth)).body.totp).toEqual({ enabled: false });

    const confirmedAt = Date.now() - 1000;
    const confirmed = await api.request("POST", "/api/v1/user/two-factor/totp/confirm", { code: right }, auth);
    expect(confirmed.status).toBe(200);
    // The owner is told, and the mail holds neither the secret nor a recovery code.
    const told = await waitForMail(mailDir, { to: account.email, subject: "Two-step verification turned on", after: confirmedAt });
    expect(told.text).toContain("If this was not you");
    expect(told.text).not.toContain(started.body.secret);
    for (const code of confirmed.body.recoveryCodes as string[]) expect(told.text).not.toContain(code);
    expect(confirmed.body.message).toBe("Two-step verification turned on");
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.body.recoveryCodes).size).toBe(10);
    expect((await api.request("GET", "/api/v1/user/two-factor", undefined, auth)).body).toMatchObject({ totp: { enabled: true }, recoveryCodesLeft: 10 });
    const again = await api.request("POST", "/api/v1/user/two-factor/totp", { password: account.password }, auth);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("ALREADY_ENABLED");
    // Neither the secret nor a recovery code was ever written to the log.
    const log = readFileSync(logFile, "utf8");
    expect(log).not.toContain(started.body.secret);
    for (const code of confirmed.body.recoveryCodes as string[]) expect(log).not.toContain(code);
  });

  it("stops login at the password: 401 SECOND_FACTOR_REQUIRED with a challenge, no token and no cookie; the second step signs in", async () => {
    const { email, password, secret } = await withApp(api);
    const login = await api.login({ email, password });
    expect(login.status).toBe(401);
    expect(login.body).toEqual({
      message: "Second factor required",
      code: "SECOND_FACTOR_REQUIRED",
      challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      methods: ["totp", "recovery_code"],
      expiresAt: expect.any(String),
    });
    expect(login.headers.getSetCookie()).toEqual([]);
    const expiresIn = new Date(login.body.expiresAt).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(4 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(5 * 60_000);
    // A wrong password still answers as before.
    expect((await api.login({ email, password: strongPassword() })).body.code).toBe("INVALID_CREDENTIALS");

    const next = await codeIn(secret, 1);
    const wrong = await api.request("POST", "/api/v1/user/login/second-factor", { challenge: login.body.challenge, code: next === "000000" ? "111111" : "000000" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe("INVALID_OTP");
    const second = await api.request("POST", "/api/v1/user/login/second-factor", { challenge: login.body.challenge, code: next });
    expect(second.status).toBe(200);
    expect(second.body).toEqual({ message: "Login successful", token: expect.stringMatching(/^cxp_/), expiresAt: expect.any(String), user: expect.objectContaining({ email }) });
    expect(second.headers.getSetCookie().map(cookiePair).map((pair) => pair.split("=")[0])).toEqual(["userToken", "deviceToken"]);
    expect((await api.check({ headers: bearer(second.body.token) })).status).toBe(200);

    // The challenge is spent, and the code replayed on a new one is refused.
    expect((await api.request("POST", "/api/v1/user/login/second-factor", { challenge: login.body.challenge, code: next })).body.code).toBe("INVALID_REQUEST");
    const another = await api.login({ email, password });
    expect((await api.request("POST", "/api/v1/user/login/second-factor", { challenge: another.body.challenge, code: next })).body.code).toBe("INVALID_OTP");
  });

  it("takes a recovery code once, and refuses a missing code and an unknown challenge", async () => {
    const { email, password, recoveryCodes, auth } = await withApp(api);
    const login = await api.login({ email, password });
    const missing = await api.request("POST", "/api/v1/user/login/second-factor", { challenge: login.body.challenge });
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe("MISSING_PARAMETERS");
    expect((await api.request("POST", "/api/v1/user/login/second-factor", { challenge: "A".repeat(43), code: "123456" })).body.code).toBe("INVALID_REQUEST");
    const used = await api.request("POST", "/api/v1/user/login/second-factor", { challenge: login.body.challenge, recoveryCode: recoveryCodes[0] });
    expect(used.status).toBe(200);
    const again = await api.login({ email, password });
    expect((await api.request("POST", "/api/v1/user/login/second-factor", { challenge: again.body.challenge, recoveryCode: recoveryCodes[0] })).body.code).toBe("INVALID_OTP");
    expect((await api.request("GET", "/api/v1/user/two-factor", undefined, auth)).body.recoveryCodesLeft).toBe(9);
  });

  it("voids a challenge after five wrong codes: the right code is refused then", async () => {
    const { email, password, secret } = await withApp(api);
    const { challenge } = (await api.login({ email, password })).body;
    const right = await codeIn(secret, 1);
    const wrong = right === "000000" ? "111111" : "000000";
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await api.request("POST", "/api/v1/user/login/second-factor", { challenge, code: wrong })).body.code).toBe("INVALID_OTP");
    }
    expect((await api.request("POST", "/api/v1/user/login/second-factor", { challenge, code: right })).body.code).toBe("INVALID_REQUEST");
  });

  it("gives answers sent at once no more than the challenge's five tries", async () => {
    const { email, password, secret } = await withApp(api);
    const { challenge } = (await api.login({ email, password })).body;
    const right = await codeIn(secret, 1);
    const wrongCodes = Array.from({ length: 10 }, (_, index) => String((Number(right) + 1 + index) % 1_000_000).padStart(6, "0"));
    const answers = await Promise.all(wrongCodes.map((code) => api.request("POST", "/api/v1/user/login/second-factor", { challenge, code })));
    const codes = answers.map((answer) => answer.body.code as string);
    expect(codes.filter((code) => code === "INVALID_OTP")).toHaveLength(5);
    expect(codes.filter((code) => code === "INVALID_REQUEST")).toHaveLength(5);
  });

  it("lets one of five challenges answered at once with the same code through", async () => {
    const { email, password, secret } = await withApp(api);
    const challenges = await Promise.all(Array.from({ length: 5 }, async () => (await api.login({ email, password })).body.challenge as string));
    const code = await codeIn(secret, 1);
    const answers = await Promise.all(challenges.map((challenge) => api.request("POST", "/api/v1/user/login/second-factor", { challenge, code })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400, 400, 400, 400]);
  });

  it("keeps the second factor through a password reset: the next login still asks for it", async () => {
    const { email } = await withApp(api);
    const { code } = await requestReset(api, email);
    const confirmed = await confirm(api, { email, resetToken: code });
    const newPassword = strongPassword();
    const reset = await completeReset(api, { email, password: newPassword }, cookiePair(confirmed.headers.get("set-cookie")!));
    expect(reset.status).toBe(200);
    const login = await api.login({ email, password: newPassword });
    expect(login.status).toBe(401);
    expect(login.body.code).toBe("SECOND_FACTOR_REQUIRED");
  });

  it("refuses a challenge given before a password change", async () => {
    const { email, password, secret, auth } = await withApp(api);
    const { challenge } = (await api.login({ email, password })).body;
    const changed = await api.request("PATCH", "/api/v1/user/password", { oldPassword: password, newPassword: strongPassword() }, auth);
    expect(changed.status).toBe(200);
    expect((await api.request("POST", "/api/v1/user/login/second-factor", { challenge, code: await codeIn(secret, 1) })).body.code).toBe("INVALID_REQUEST");
  });

  it("turns off, and makes new recovery codes, only with the password and a code", async () => {
    const { email, password, recoveryCodes, auth } = await withApp(api);
    const changedAt = Date.now() - 1000;
    expect((await api.request("POST", "/api/v1/user/two-factor/recovery-codes", { password: strongPassword(), code: recoveryCodes[0] }, auth)).body.code).toBe("INCORRECT_PASSWORD");
    expect((await api.request("POST", "/api/v1/user/two-factor/recovery-codes", { password, code: "not-a-code" }, auth)).body.code).toBe("INVALID_OTP");
    const renewed = await api.request("POST", "/api/v1/user/two-factor/recovery-codes", { password, code: recoveryCodes[0] }, auth);
    expect(renewed.status).toBe(200);
    expect(renewed.body.recoveryCodes).toHaveLength(10);
    // The old set is void.
    expect((await api.request("DELETE", "/api/v1/user/two-factor/totp", { password, code: recoveryCodes[1] }, auth)).body.code).toBe("INVALID_OTP");
    const off = await api.request("DELETE", "/api/v1/user/two-factor/totp", { password, code: renewed.body.recoveryCodes[0] }, auth);
    expect(off.status).toBe(200);
    expect(off.body).toEqual({ message: "Two-step verification turned off" });
    expect((await api.login({ email, password })).status).toBe(200);
    for (const subject of ["New recovery codes for your account", "Two-step verification turned off"]) {
      expect((await waitForMail(mailDir, { to: email, subject, after: changedAt })).text).toContain("If this was not you");
    }
    const events = ((await api.securityEvents(auth)).body.events as Array<{ type: string }>).map((event) => event.type);
    expect(events).toEqual(expect.arrayContaining(["two_factor_disabled", "recovery_codes_generated", "two_factor_enabled"]));
  });

  it("stops the pages' sign-in at the password as well, and the second step opens the browser session", async () => {
    const { email, password, secret } = await withApp(api);
    const csrf = await fetch(`${url}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers.getSetCookie().map(cookiePair).join("; ");
    const post = (provider: string, fields: Record<string, string>, cookie: string) =>
      fetch(`${url}/api/auth/callback/${provider}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie },
        body: new URLSearchParams({ ...fields, csrfToken, json: "true" }),
        redirect: "manual",
      });
    const first = await post("credentials", { email, password }, csrfCookie);
    const firstCookies = first.headers.getSetCookie().map(cookiePair);
    expect(firstCookies.some((pair) => pair.startsWith("next-auth.session-token="))).toBe(false);
    expect(new URL(((await first.json()) as { url: string }).url).searchParams.get("error")).toBe("SECOND_FACTOR_REQUIRED");
    const pending = firstCookies.find((pair) => pair.startsWith("twoStepChallenge="));
    expect(pending).toBeTruthy();

    const withoutChallenge = await post("two-step", { code: await codeIn(secret, 1) }, csrfCookie);
    expect(withoutChallenge.headers.getSetCookie().some((value) => value.startsWith("next-auth.session-token="))).toBe(false);
    const second = await post("two-step", { code: await codeIn(secret, 1) }, `${csrfCookie}; ${pending}`);
    const session = second.headers.getSetCookie().map(cookiePair).find((pair) => pair.startsWith("next-auth.session-token="));
    expect(session).toBeTruthy();
    const me = await api.check({ headers: { cookie: session! } });
    expect(me.status).toBe(200);
  });
});
