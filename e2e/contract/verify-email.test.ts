import { describe, expect, it } from "vitest";
import { apiClient, backends, bearer, browserSessionCookie, strongPassword, uniqueEmail } from "./client";
import { mailedSecrets, recovery, VERIFY_SUBJECT } from "./email-helpers";

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

  it("of 12 concurrent wrong codes at most five are compared: the right code is locked after, the link is not", async () => {
    const { token, code, link } = await registered();
    const wrong = Array.from({ length: 12 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0"));
    const answers = await Promise.all(wrong.map((guess) => verify({ code: guess }, { headers: bearer(token) })));
    expect(answers.every((answer) => answer.body.code === "INVALID_OTP")).toBe(true);
    expect((await verify({ code }, { headers: bearer(token) })).body.code).toBe("INVALID_OTP");
    expect((await verify({ token: link })).status).toBe(200);
  });

  it("resending within a minute of the registration mail is 429; a verified account is sent nothing", async () => {
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
