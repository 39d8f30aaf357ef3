import { describe, expect, inject, it } from "vitest";
import { findMail, waitForMail } from "../support/mailbox";
import { apiClient, backends, bearer, browserSessionCookie, strongPassword, uniqueEmail } from "./client";
import { mailDir, mailedSecrets, recovery, VERIFY_SUBJECT } from "./email-helpers";
import { movableClock } from "./movable-clock";

describe.each(backends)("verifying the account's email on $name", ({ url }) => {
  const api = apiClient(url);
  const { verify, resend } = recovery(api);

  /** A new account, signed in, and the code and link its registration mailed. */
  async function registered() {
    const email = uniqueEmail("verify");
    const password = strongPassword();
    const after = Date.now() - 1000;
    expect((await api.register({ email, password })).status).toBe(201);
    const token = (await api.login({ email, password })).body.token as string;
    const mailed = await mailedSecrets(email, VERIFY_SUBJECT, after);
    return { email, password, token, code: mailed.code!, link: mailed.token! };
  }

  it("registration mails a code and a link; the code verifies the signed-in account, and check says so", async () => {
    const { email, token: first, code, link } = await registered();
    expect(code).toMatch(/^\d{6}$/);
    expect(link.length).toBeGreaterThanOrEqual(43);
    const unverified = await api.check({ headers: bearer(first) });
    expect(unverified.body.emailVerified).toBe(false);
    // check rotated the token.
    const token = unverified.body.token as string;

    const verified = await verify({ code }, { headers: bearer(token) });
    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ message: "Email verified", email });
    const checked = await api.check({ headers: bearer(token) });
    expect(checked.body.emailVerified).toBe(true);
    const events = (await api.securityEvents({ headers: bearer(checked.body.token) })).body.events.map((event: { type: string }) => event.type);
    expect(events).toContain("email_verified");
  });

  it("the link verifies without a session, once", async () => {
    const { email, token, link } = await registered();
    expect((await verify({ token: link })).body).toEqual({ message: "Email verified", email });
    expect((await api.check({ headers: bearer(token) })).body.emailVerified).toBe(true);
    const again = await verify({ token: link });
    expect(again.status).toBe(400);
    expect(again.body).toEqual({ message: "Invalid OTP", code: "INVALID_OTP" });
  });

  it("a code without a session is 401: six digits alone never name an account", async () => {
    const { code } = await registered();
    expect((await verify({ code })).status).toBe(401);
  });

  it("works from a browser session", async () => {
    const { email, password, code } = await registered();
    const cookie = await browserSessionCookie(url, email, password);
    expect((await verify({ code }, { headers: { cookie } })).status).toBe(200);
  });

  it("answers INVALID_OTP for a wrong code and a made-up token, and MISSING_PARAMETERS for neither", async () => {
    const { token, code } = await registered();
    const wrong = code === "000000" ? "000001" : "000000";
    expect((await verify({ code: wrong }, { headers: bearer(token) })).body.code).toBe("INVALID_OTP");
    expect((await verify({ token: "x".repeat(43) })).body.code).toBe("INVALID_OTP");
    const neither = await verify({});
    expect(neither.status).toBe(400);
    expect(neither.body.code).toBe("MISSING_PARAMETERS");
  });

  it("of 12 concurrent guesses, the right code last among them, at most five are compared", async () => {
    // Were every guess compared, the right code would verify every burst. With five tries, it
    // verifies only when it wins one of them against the eleven wrong codes sent before it; over
    // four bursts it loses at least once (each loss is a code locked with the link still good).
    const outcomes: string[] = [];
    for (let burst = 0; burst < 4; burst += 1) {
      const { token, code, link } = await registered();
      const wrong = Array.from({ length: 11 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0"));
      const answers = await Promise.all([...wrong, code].map((guess) => verify({ code: guess }, { headers: bearer(token) })));
      const verified = answers.filter((answer) => answer.status === 200);
      expect(verified.length).toBeLessThanOrEqual(1);
      expect(answers.filter((answer) => answer.status !== 200).every((answer) => answer.body.code === "INVALID_OTP")).toBe(true);
      if (verified.length) {
        outcomes.push("verified");
        continue;
      }
      expect((await verify({ code }, { headers: bearer(token) })).body.code).toBe("INVALID_OTP");
      expect((await verify({ token: link })).status).toBe(200);
      outcomes.push("locked");
    }
    expect(outcomes).toContain("locked");
  }, 90_000);

  it("after five wrong codes the right one is refused; the link still verifies", async () => {
    const { token, code, link } = await registered();
    for (let i = 0; i < 5; i += 1) {
      const guess = String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0");
      expect((await verify({ code: guess }, { headers: bearer(token) })).body.code).toBe("INVALID_OTP");
    }
    expect((await verify({ code }, { headers: bearer(token) })).body.code).toBe("INVALID_OTP");
    expect((await verify({ token: link })).status).toBe(200);
  });

  it("resending within a minute of the registration mail is 429", async () => {
    const { token, code } = await registered();
    const early = await resend({ headers: bearer(token) });
    expect(early.status).toBe(429);
    expect(Number(early.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await verify({ code }, { headers: bearer(token) })).status).toBe(200);
  });

  it("of concurrent uses of one code, all succeed or fail cleanly and the address ends verified", async () => {
    const { token, code, link } = await registered();
    const answers = await Promise.all([
      verify({ code }, { headers: bearer(token) }),
      verify({ token: link }),
      verify({ code }, { headers: bearer(token) }),
      verify({ token: link }),
    ]);
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status !== 200).every((status) => status === 400)).toBe(true);
    expect((await api.check({ headers: bearer(token) })).body.emailVerified).toBe(true);
  });
});

describe("resending verification (the server's clock is moved past the cooldown)", () => {
  const { url, clockFile } = inject("clockServer");
  const api = apiClient(url);
  const clock = movableClock(clockFile);
  const { verify, resend } = recovery(api);

  async function registered() {
    const email = uniqueEmail("resend");
    const password = strongPassword();
    const after = Date.now() - 1000;
    expect((await api.register({ email, password })).status).toBe(201);
    const token = (await api.login({ email, password })).body.token as string;
    const { code } = await mailedSecrets(email, VERIFY_SUBJECT, after);
    return { email, token, code: code! };
  }

  it("after a minute a resend mails a new code, and the old one stops working", async () => {
    const { email, token, code } = await registered();
    clock.advance(61_000);
    const asked = Date.now();
    const resent = await resend({ headers: bearer(token) });
    expect({ status: resent.status, body: resent.body }).toEqual({ status: 200, body: { message: "Verification email sent" } });
    const fresh = await mailedSecrets(email, VERIFY_SUBJECT, asked);
    const freshCode = fresh.code!;
    expect(freshCode).toMatch(/^\d{6}$/);
    if (freshCode !== code) expect((await verify({ code }, { headers: bearer(token) })).body.code).toBe("INVALID_OTP");
    expect((await verify({ code: freshCode }, { headers: bearer(token) })).status).toBe(200);
  });

  it("a verified account is sent nothing", async () => {
    const { email, token, code } = await registered();
    expect((await verify({ code }, { headers: bearer(token) })).status).toBe(200);
    clock.advance(61_000);
    const asked = Date.now();
    const resent = await resend({ headers: bearer(token) });
    expect(resent.status).toBe(200);
    // A mail queued after the resend has arrived: a verification mail the resend queued would be
    // in the mailbox by now too (the outbox sends in the order jobs fall due).
    expect((await api.request("POST", "/api/v1/user/forgot-password", { email })).status).toBe(200);
    await waitForMail(mailDir, { to: email, subject: /reset code/i, after: asked }, 30_000);
    expect(await findMail(mailDir, { to: email, subject: VERIFY_SUBJECT, after: asked })).toEqual([]);
  });
});
