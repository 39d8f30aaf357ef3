// The contract's 429 and the traffic guard's 403, on servers with the default policies: one
// counting in memory, and (TEST_REDIS_URL) one counting in Redis. The servers trust one proxy,
// so each test picks its client addresses with X-Forwarded-For.
import { randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import { beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { itWhere } from "@/lib/testing/it-where";
import type { LimitsServer } from "../support/contract-global-setup";
import { apiClient, backends, bearer, strongPassword, uniqueEmail, type ApiClient, type ApiResponse } from "./client";
import { movableClock } from "./movable-clock";

// The server under test, set by each describe.each block before its tests run.
let server: LimitsServer;
let api: ApiClient;
/** Only the memory store follows a test clock; Redis windows follow real time. */
let clock: ReturnType<typeof movableClock> | undefined;

/** Redis windows are real minutes (and multiples): start a test with at least 10 s of one left. */
async function roomInCurrentMinute() {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 10_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}

const newAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
/** A fresh IPv6 /64 (outside the denied 2001:db8::/32): `host` picks an address inside it. */
const newIpv6Network = () => {
  const prefix = `fd12:${randomInt(65536).toString(16)}:${randomInt(65536).toString(16)}:${randomInt(65536).toString(16)}`;
  return (host: string) => `${prefix}:${host}`;
};
const from = (address: string) => ({ headers: { "x-forwarded-for": address } });
const withCookie = (address: string, cookie: string) => ({ headers: { "x-forwarded-for": address, cookie } });

/** The device cookie a successful login set, as a Cookie header pair. */
function deviceCookieOf(response: ApiResponse): string {
  const pair = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!).find((cookie) => cookie.startsWith("deviceToken="));
  if (!pair) throw new Error(`no device cookie in ${response.headers.getSetCookie().join(" | ")}`);
  return pair;
}

async function newAccount() {
  const email = uniqueEmail();
  const password = strongPassword();
  const registered = await api.register({ email, password }, from(newAddress()));
  if (registered.status !== 201) throw new Error(`register failed: ${registered.text}`);
  return { email, password };
}

async function repeat(times: number, call: () => Promise<ApiResponse>): Promise<ApiResponse[]> {
  const responses = [];
  for (let i = 0; i < times; i++) responses.push(await call());
  return responses;
}

const statuses = (responses: ApiResponse[]) => responses.map((response) => response.status);

function expectTooManyRequests(response: ApiResponse, limit: number, windowSeconds: number) {
  expect(response.status).toBe(429);
  expect(response.body).toEqual({ message: "Too many requests", code: "TOO_MANY_REQUESTS" });
  const retryAfter = Number(response.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
  expect(response.headers.get("ratelimit-limit")).toBe(String(limit));
  expect(response.headers.get("ratelimit-remaining")).toBe("0");
  expect(response.headers.get("ratelimit-reset")).toBe(String(retryAfter));
}

/**
 * Signs in through next-auth as the sign-in page does, with `cookie` (a device cookie) if given;
 * returns the error code, or null on success.
 */
async function browserSignInError(email: string, password: string, address: string, cookie?: string): Promise<string | null> {
  const headers = { "x-forwarded-for": address };
  const csrf = await fetch(`${server.url}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = [...csrf.headers.getSetCookie().map((c) => c.split(";")[0]), ...(cookie ? [cookie] : [])];
  const response = await fetch(`${server.url}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    redirect: "manual",
  });
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get("error");
}

describe.each(inject("limitsServers"))("with limits counted in $store", (target) => {
  beforeAll(() => {
    server = target;
    api = apiClient(target.url);
    clock = target.clockFile ? movableClock(target.clockFile) : undefined;
  });

  beforeEach(async () => {
    if (clock) clock.toFreshWindows();
    else await roomInCurrentMinute();
  });

  describe("login limits", () => {
    it("refuses the 11th attempt for one address and email within 15 minutes, before checking the password", async () => {
      const { email, password } = await newAccount();
      const address = newAddress();
      const wrong = await repeat(10, () => api.login({ email, password: strongPassword() }, from(address)));
      expect(statuses(wrong)).toEqual(Array(10).fill(401));
      // The right password does not help: the limit is checked first.
      expectTooManyRequests(await api.login({ email, password }, from(address)), 10, 15 * 60);
      // Another address, or the same address with another email, has its own budget.
      expect((await api.login({ email, password }, from(newAddress()))).status).toBe(200);
      expect((await api.login({ email: uniqueEmail(), password }, from(address))).status).toBe(401);
      if (clock) {
        // The window ends (the Redis store's window ends are tested in lib/server/rate-limit/store.test.ts).
        clock.advance(15 * 60_000);
        expect((await api.login({ email, password }, from(address))).status).toBe(200);
      }
    });

    it("refuses an address after 30 wrong passwords in 10 minutes for 30 different emails (spraying); the accounts stay open elsewhere", { timeout: 90_000 }, async () => {
      const victim = await newAccount();
      const address = newAddress();
      const sprayed = await repeat(30, () => api.login({ email: uniqueEmail("sprayed"), password: strongPassword() }, from(address)));
      expect(statuses(sprayed)).toEqual(Array(30).fill(401));
      // Refused before any password is checked, even a right one for a real account…
      expectTooManyRequests(await api.login({ email: victim.email, password: victim.password }, from(address)), 30, 10 * 60);
      expect(await browserSignInError(victim.email, victim.password, address)).toBe("TOO_MANY_REQUESTS");
      // …and only from that address: the failures were counted per address, not per account.
      expect((await api.login(victim, from(newAddress()))).status).toBe(200);
      if (clock) {
        clock.advance(10 * 60_000);
        expect((await api.login(victim, from(address))).status).toBe(200);
      }
    });

    it("counts right passwords against no spraying budget: 40 good sign-ins from one address all succeed", { timeout: 90_000 }, async () => {
      const accounts = await Promise.all(Array.from({ length: 4 }, newAccount));
      const address = newAddress();
      const answers = [];
      for (let i = 0; i < 40; i++) answers.push(await api.login(accounts[i % accounts.length]!, from(address)));
      expect(statuses(answers)).toEqual(Array(40).fill(200));
    });

    it("refuses an account after 100 wrong passwords in a day, from however many addresses", { timeout: 90_000 }, async () => {
      const { email, password } = await newAccount();
      const addresses = Array.from({ length: 10 }, newAddress);
      const wrong = await Promise.all(addresses.map((address) => repeat(10, () => api.login({ email, password: strongPassword() }, from(address)))));
      expect(wrong.flat().every((response) => response.status === 401)).toBe(true);
      expectTooManyRequests(await api.login({ email, password }, from(newAddress())), 100, 24 * 60 * 60);
      expect(await browserSignInError(email, password, newAddress())).toBe("TOO_MANY_REQUESTS");
    });

    it("does not lock out a device that signed in before: 110 failures elsewhere, then the owner's device gets in (OWASP device cookies)", { timeout: 90_000 }, async () => {
      const { email, password } = await newAccount();
      const home = newAddress();
      const first = await api.login({ email, password }, from(home));
      expect(first.status).toBe(200);
      const device = deviceCookieOf(first);
      const attackers = Array.from({ length: 11 }, newAddress);
      const wrong = (await Promise.all(attackers.map((address) => repeat(10, () => api.login({ email, password: strongPassword() }, from(address)))))).flat();
      // Failures are counted after the password check, so guesses already past the check when the
      // 100th lands are still answered (at most one per parallel stream): docs/security.md says so.
      const refusedAfterCheck = statuses(wrong).filter((status) => status === 401).length;
      expect(refusedAfterCheck).toBeGreaterThanOrEqual(100);
      expect(refusedAfterCheck).toBeLessThanOrEqual(100 + attackers.length);
      expect(statuses(wrong).filter((status) => status !== 401).every((status) => status === 429)).toBe(true);
      // Without the device cookie the account is locked, even from the owner's own address…
      expectTooManyRequests(await api.login({ email, password }, from(home)), 100, 24 * 60 * 60);
      // …with it, the owner signs in, through the API and in the browser.
      const owner = await api.login({ email, password }, withCookie(home, device));
      expect(owner.status).toBe(200);
      expect(await browserSignInError(email, password, home, deviceCookieOf(owner))).toBeNull();
    });

    it("locks a device cookie that keeps failing on its own: 10 wrong an hour, and the account stays open to others", async () => {
      const { email, password } = await newAccount();
      const device = deviceCookieOf(await api.login({ email, password }, from(newAddress())));
      const wrong = [
        ...(await repeat(5, () => api.login({ email, password: strongPassword() }, withCookie(newAddress(), device)))),
        ...(await repeat(5, () => api.login({ email, password: strongPassword() }, withCookie(newAddress(), device)))),
      ];
      expect(statuses(wrong)).toEqual(Array(10).fill(401));
      expectTooManyRequests(await api.login({ email, password }, withCookie(newAddress(), device)), 10, 60 * 60);
      expect(await browserSignInError(email, password, newAddress(), device)).toBe("TOO_MANY_REQUESTS");
      // The device's failures were its own: the account is not locked for anyone else.
      expect((await api.login({ email, password }, from(newAddress()))).status).toBe(200);
    });

    it("trusts a device cookie only as issued, and only for the account it was issued for", { timeout: 90_000 }, async () => {
      const { email, password } = await newAccount();
      const own = deviceCookieOf(await api.login({ email, password }, from(newAddress())));
      const foreign = deviceCookieOf(await api.login(await newAccount(), from(newAddress())));
      const forged = own.replace(/\.([A-Za-z0-9_-])/, (_match, first: string) => `.${first === "A" ? "B" : "A"}`);
      await Promise.all(Array.from({ length: 10 }, newAddress).map((address) => repeat(10, () => api.login({ email, password: strongPassword() }, from(address)))));
      expectTooManyRequests(await api.login({ email, password }, withCookie(newAddress(), foreign)), 100, 24 * 60 * 60);
      expectTooManyRequests(await api.login({ email, password }, withCookie(newAddress(), forged)), 100, 24 * 60 * 60);
      expect((await api.login({ email, password }, withCookie(newAddress(), own))).status).toBe(200);
    });

    it("names the budget nearest to refusing in RateLimit headers: the 10th attempt for one email says 10/0, not the address's 300", async () => {
      const { email } = await newAccount();
      const address = newAddress();
      const attempts = await repeat(10, () => api.login({ email, password: strongPassword() }, from(address)));
      expect(attempts[0]!.headers.get("ratelimit-limit")).toBe("10");
      expect(attempts[0]!.headers.get("ratelimit-remaining")).toBe("9");
      expect(attempts[9]!.status).toBe(401);
      expect(attempts[9]!.headers.get("ratelimit-limit")).toBe("10");
      expect(attempts[9]!.headers.get("ratelimit-remaining")).toBe("0");
      expectTooManyRequests(await api.login({ email, password: strongPassword() }, from(address)), 10, 15 * 60);
    });

    it("puts the same RateLimit headers on next-auth's answers", async () => {
      const { email } = await newAccount();
      const headers = { "x-forwarded-for": newAddress() };
      const csrf = await fetch(`${server.url}/api/auth/csrf`, { headers });
      expect(csrf.headers.get("ratelimit-limit")).toBe("300");
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const attempt = await fetch(`${server.url}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { ...headers, "content-type": "application/x-www-form-urlencoded", cookie: csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ") },
        body: new URLSearchParams({ csrfToken, email, password: strongPassword(), json: "true" }),
        redirect: "manual",
      });
      expect(attempt.headers.get("ratelimit-limit")).toBe("10");
      expect(attempt.headers.get("ratelimit-remaining")).toBe("9");
    });

    it("applies the same limits to the browser sign-in (next-auth)", async () => {
      const { email, password } = await newAccount();
      const address = newAddress();
      await repeat(10, () => api.login({ email, password: strongPassword() }, from(address)));
      expect(await browserSignInError(email, password, address)).toBe("TOO_MANY_REQUESTS");
      expect(await browserSignInError(email, password, newAddress())).toBeNull();
    });

    it("counts browser sign-in attempts against the API's budget", async () => {
      const { email, password } = await newAccount();
      const address = newAddress();
      for (let i = 0; i < 10; i++) expect(await browserSignInError(email, strongPassword(), address)).toBe("CredentialsSignin");
      expectTooManyRequests(await api.login({ email, password }, from(address)), 10, 15 * 60);
    });
  });

  describe("IPv6 clients", () => {
    it("are counted by their /64: the 6th registration from one /64 is refused, the next /64 has its own budget", async () => {
      const network = newIpv6Network();
      const responses = [];
      for (let host = 1; host <= 7; host++) responses.push(await api.register({ email: uniqueEmail(), password: strongPassword() }, from(network(`:${host}`))));
      expect(statuses(responses.slice(0, 5))).toEqual(Array(5).fill(201));
      expectTooManyRequests(responses[5]!, 5, 60 * 60);
      expectTooManyRequests(responses[6]!, 5, 60 * 60);
      expect((await api.register({ email: uniqueEmail(), password: strongPassword() }, from(newIpv6Network()(":1")))).status).toBe(201);
    });

    it("spray as one client from their /64: 30 wrong passwords from 30 addresses of one /64 refuse the 31st", { timeout: 90_000 }, async () => {
      const network = newIpv6Network();
      const sprayed = [];
      for (let host = 1; host <= 30; host++) sprayed.push(await api.login({ email: uniqueEmail("sprayed"), password: strongPassword() }, from(network(`:${host.toString(16)}`))));
      expect(statuses(sprayed)).toEqual(Array(30).fill(401));
      expect((await api.login({ email: uniqueEmail(), password: strongPassword() }, from(network(":ffff")))).status).toBe(429);
      expect((await api.login({ email: uniqueEmail(), password: strongPassword() }, from(newIpv6Network()(":1")))).status).toBe(401);
    });

    it("are banned by their /64 when one of its addresses keeps going past its limits", async () => {
      const network = newIpv6Network();
      const responses = await repeat(107, () => api.register({ email: uniqueEmail(), password: strongPassword() }, from(network(`:${randomInt(1, 65535).toString(16)}`))));
      expect(statuses(responses)).toEqual([...Array(5).fill(201), ...Array(101).fill(429), 403]);
      expect((await api.check(from(network(":beef")))).status).toBe(403);
    });
  });

  describe("account and password limits", () => {
    it("lets one address register 5 accounts an hour; the 6th is refused and not created", async () => {
      const address = newAddress();
      const accounts = Array.from({ length: 6 }, () => ({ email: uniqueEmail(), password: strongPassword() }));
      const responses = [];
      for (const account of accounts) responses.push(await api.register(account, from(address)));
      expect(statuses(responses.slice(0, 5))).toEqual(Array(5).fill(201));
      expectTooManyRequests(responses[5]!, 5, 60 * 60);
      expect((await api.login(accounts[5], from(newAddress()))).status).toBe(401);
    });

    it("lets a user try 5 password changes in 15 minutes; the 6th is refused and changes nothing", async () => {
      const { email, password } = await newAccount();
      const { body } = await api.login({ email, password }, from(newAddress()));
      const auth = { headers: { ...bearer(body.token), "x-forwarded-for": newAddress() } };
      const attempts = await repeat(5, () => api.changePassword({ oldPassword: strongPassword(), newPassword: strongPassword() }, auth));
      expect(attempts.map((response) => response.body.code)).toEqual(Array(5).fill("INCORRECT_OLD_PASSWORD"));
      // Per user: a new address does not reset it.
      const sixth = await api.changePassword({ oldPassword: password, newPassword: strongPassword() }, { headers: { ...bearer(body.token), "x-forwarded-for": newAddress() } });
      expectTooManyRequests(sixth, 5, 15 * 60);
      expect((await api.login({ email, password }, from(newAddress()))).status).toBe(200);
    });
    it("spends one wrong-password budget across sign-in, password change, email change and deletion; the owner's device keeps its own", { timeout: 120_000 }, async () => {
      const { email, password } = await newAccount();
      const home = await api.login({ email, password }, from(newAddress()));
      const device = deviceCookieOf(home);
      const stolen = (await api.login({ email, password }, from(newAddress()))).body.token as string;
      const asIntruder = () => ({ headers: { ...bearer(stolen), "x-forwarded-for": newAddress() } });
      const guessed = [
        // Four of each: every one of these endpoints also allows only five tries per user and 15 minutes.
        ...(await repeat(4, () => api.changePassword({ oldPassword: strongPassword(), newPassword: strongPassword() }, asIntruder()))),
        ...(await repeat(4, () => api.request("POST", "/api/v1/user/email", { newEmail: uniqueEmail(), password: strongPassword() }, asIntruder()))),
        ...(await repeat(4, () => api.request("DELETE", "/api/v1/user", { password: strongPassword() }, asIntruder()))),
      ];
      expect(guessed.map((response) => response.body.code)).toEqual([
        ...Array(4).fill("INCORRECT_OLD_PASSWORD"),
        ...Array(4).fill("INCORRECT_PASSWORD"),
        ...Array(4).fill("INCORRECT_PASSWORD"),
      ]);
      // 88 wrong sign-ins from elsewhere spend the rest of the account's 100.
      const addresses = Array.from({ length: 9 }, newAddress);
      const wrong = (await Promise.all(addresses.map((address, i) => repeat(i < 7 ? 10 : 9, () => api.login({ email, password: strongPassword() }, from(address)))))).flat();
      expect(statuses(wrong)).toEqual(Array(88).fill(401));
      expectTooManyRequests(await api.login({ email, password }, from(newAddress())), 100, 24 * 60 * 60);
      // The session's checks of the password are refused by the same budget, even with the right one…
      const refused = await api.request("DELETE", "/api/v1/user", { password }, { headers: { ...bearer(home.body.token), "x-forwarded-for": newAddress() } });
      expectTooManyRequests(refused, 100, 24 * 60 * 60);
      // …except from the owner's device, which signs in and changes the password.
      const owner = await api.login({ email, password }, withCookie(newAddress(), device));
      expect(owner.status).toBe(200);
      const changed = await api.changePassword(
        { oldPassword: password, newPassword: strongPassword() },
        { headers: { ...bearer(owner.body.token), "x-forwarded-for": newAddress(), cookie: device } },
      );
      expect(changed.status).toBe(200);
      const events = (await api.securityEvents({ headers: { ...bearer(owner.body.token), "x-forwarded-for": newAddress() } })).body.events.map((event: { type: string }) => event.type);
      expect(events).toContain("password_changed");
    });

    it("records a wrong password at deletion as a security event", async () => {
      const { email, password } = await newAccount();
      const { body } = await api.login({ email, password }, from(newAddress()));
      const auth = { headers: { ...bearer(body.token), "x-forwarded-for": newAddress() } };
      expect((await api.request("DELETE", "/api/v1/user", { password: strongPassword() }, auth)).body.code).toBe("INCORRECT_PASSWORD");
      const events = (await api.securityEvents(auth)).body.events.map((event: { type: string }) => event.type);
      expect(events).toContain("account_deletion_failed");
    });

    it("spends one password-change budget across v1 and the seeds' routes, each refusing in its own shape", async () => {
      const { email, password } = await newAccount();
      const { body } = await api.login({ email, password }, from(newAddress()));
      const auth = () => ({ headers: { ...bearer(body.token), "x-forwarded-for": newAddress() } });
      const wrong = () => ({ oldPassword: strongPassword(), newPassword: strongPassword() });
      const attempts = [
        await api.changePassword(wrong(), auth()),
        await api.changePassword(wrong(), auth()),
        await api.request("PUT", "/auth/v1/users/me/password", wrong(), auth()),
        await api.request("PUT", "/auth/v1/users/me/password", wrong(), auth()),
        await api.request("POST", "/v1/users/profile/change-password", wrong(), auth()),
      ];
      expect(statuses(attempts)).toEqual(Array(5).fill(400));

      const zitadel = await api.request("PUT", "/auth/v1/users/me/password", { oldPassword: password, newPassword: strongPassword() }, auth());
      expect(zitadel.status).toBe(429);
      expect(zitadel.body).toMatchObject({ code: 8, details: [{ id: "PORTAL-TOO_MANY_REQUESTS" }] });
      expect(Number(zitadel.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(zitadel.headers.get("ratelimit-remaining")).toBe("0");
      const envelope = await api.request("POST", "/v1/users/profile/change-password", { oldPassword: password, newPassword: strongPassword() }, auth());
      expect(envelope.status).toBe(429);
      expect(envelope.body).toEqual({ status: false, error: { code: 4029, message: "Too many requests" } });
      expect(Number(envelope.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await api.login({ email, password }, from(newAddress()))).status).toBe(200);
    });
  });

  describe("password reset limits", () => {
    const forgot = (email: string, address: string) => api.request("POST", "/api/v1/user/forgot-password", { email }, from(address));

    it("sends one mail a minute per address, known or not", async () => {
      for (const email of [(await newAccount()).email, uniqueEmail()]) {
        expect((await forgot(email, newAddress())).status).toBe(200);
        expectTooManyRequests(await forgot(email, newAddress()), 1, 60);
      }
    });

    // Needs three minutes to pass: only the memory store's server has a clock tests can move.
    itWhere(target.clockFile)("sends three mails per 15 minutes per address, known or not", async () => {
      for (const email of [(await newAccount()).email, uniqueEmail()]) {
        expect((await forgot(email, newAddress())).status).toBe(200);
        clock!.advance(61_000);
        expect((await forgot(email, newAddress())).status).toBe(200);
        clock!.advance(61_000);
        expect((await forgot(email, newAddress())).status).toBe(200);
        clock!.advance(61_000);
        expectTooManyRequests(await forgot(email, newAddress()), 3, 15 * 60);
      }
    });

    it("lets one address ask for 20 resets an hour", async () => {
      const address = newAddress();
      const responses = await repeat(21, () => forgot(uniqueEmail(), address));
      expect(statuses(responses.slice(0, 20))).toEqual(Array(20).fill(200));
      expectTooManyRequests(responses[20]!, 20, 60 * 60);
    });

    it("lets one address try 10 codes in 15 minutes, and one email be tried 10 times from anywhere", async () => {
      const confirm = (body: unknown, address: string) => api.request("POST", "/api/v1/user/confirm-otp-reset", body, from(address));
      const address = newAddress();
      const byAddress = await repeat(11, () => confirm({ email: uniqueEmail(), resetToken: "123456" }, address));
      expect(byAddress.slice(0, 10).map((response) => response.body.code)).toEqual(Array(10).fill("INVALID_OTP"));
      expectTooManyRequests(byAddress[10]!, 10, 15 * 60);

      const email = uniqueEmail();
      const byEmail = await repeat(11, () => confirm({ email, resetToken: "123456" }, newAddress()));
      expect(byEmail.slice(0, 10).map((response) => response.body.code)).toEqual(Array(10).fill("INVALID_OTP"));
      expectTooManyRequests(byEmail[10]!, 10, 15 * 60);
    });

    it("lets one email be tried 10 times at password-reset from anywhere", async () => {
      const email = uniqueEmail();
      const responses = await repeat(11, () =>
        api.request("POST", "/api/v1/user/password-reset", { email, password: strongPassword(), resetToken: "123456" }, from(newAddress())),
      );
      expect(responses.slice(0, 10).map((response) => response.body.code)).toEqual(Array(10).fill("INVALID_REQUEST"));
      expectTooManyRequests(responses[10]!, 10, 15 * 60);
    });

    it("lets one address try 10 resets in 15 minutes", async () => {
      const address = newAddress();
      const responses = await repeat(11, () =>
        api.request("POST", "/api/v1/user/password-reset", { email: uniqueEmail(), password: strongPassword(), resetToken: "123456" }, from(address)),
      );
      expect(responses.slice(0, 10).map((response) => response.body.code)).toEqual(Array(10).fill("INVALID_REQUEST"));
      expectTooManyRequests(responses[10]!, 10, 15 * 60);
    });
  });

  describe("email recovery limits", () => {
    /** A signed-in account; each call sends its bearer token from a new address. */
    async function signedIn() {
      const account = await newAccount();
      const token = (await api.login(account, from(newAddress()))).body.token as string;
      return { ...account, asOwner: () => ({ headers: { ...bearer(token), "x-forwarded-for": newAddress() } }) };
    }
    const post = (path: string, body: unknown, options: { headers: Record<string, string> }) => api.request("POST", path, body, options);
    const codes = (responses: ApiResponse[]) => responses.map((response) => response.body.code);

    it("lets a user check 10 verification codes in 15 minutes, from any address", async () => {
      const { asOwner } = await signedIn();
      const responses = await repeat(11, () => post("/api/v1/user/verify-email", { code: "123456" }, asOwner()));
      expect(codes(responses.slice(0, 10))).toEqual(Array(10).fill("INVALID_OTP"));
      expectTooManyRequests(responses[10]!, 10, 15 * 60);
    });

    it("lets one address check 10 verification links in 15 minutes", async () => {
      const address = newAddress();
      const responses = await repeat(11, () => post("/api/v1/user/verify-email", { token: "x".repeat(43) }, from(address)));
      expect(codes(responses.slice(0, 10))).toEqual(Array(10).fill("INVALID_OTP"));
      expectTooManyRequests(responses[10]!, 10, 15 * 60);
    });

    // A resend waits a minute after the last mail: only the memory store's server has a clock to move.
    itWhere(target.clockFile)("lets a user ask for 5 verification mails an hour, one a minute", async () => {
      const { asOwner } = await signedIn();
      const resend = () => post("/api/v1/user/verify-email/resend", undefined, asOwner());
      // (The cooldown after the registration mail is verify-email.test.ts's: here the clock has moved.)
      const answers: ApiResponse[] = [];
      for (let i = 0; i < 6; i += 1) {
        clock!.advance(61_000);
        answers.push(await resend());
      }
      expect(statuses(answers.slice(0, 5))).toEqual(Array(5).fill(200));
      expectTooManyRequests(answers[5]!, 5, 60 * 60);
    });

    it("lets a user ask for 5 email changes an hour; the 6th is refused before the password is checked", async () => {
      const { email, password, asOwner } = await signedIn();
      const asked = await repeat(5, () => post("/api/v1/user/email", { newEmail: uniqueEmail(), password: strongPassword() }, asOwner()));
      expect(codes(asked)).toEqual(Array(5).fill("INCORRECT_PASSWORD"));
      const sixth = await post("/api/v1/user/email", { newEmail: uniqueEmail(), password }, asOwner());
      expectTooManyRequests(sixth, 5, 60 * 60);
      const me = await api.check(asOwner());
      expect(me.body.email).toBe(email);
    });

    it("lets a user check 10 codes for a new address in 15 minutes", async () => {
      const { asOwner } = await signedIn();
      const responses = await repeat(11, () => post("/api/v1/user/email/confirm", { code: "123456" }, asOwner()));
      expect(codes(responses.slice(0, 10))).toEqual(Array(10).fill("INVALID_OTP"));
      expectTooManyRequests(responses[10]!, 10, 15 * 60);
    });

    it("lets one address check 10 confirm, undo or cancel links in 15 minutes, together", async () => {
      const address = newAddress();
      const link = { token: "x".repeat(43) };
      const responses = [
        ...(await repeat(5, () => post("/api/v1/user/email/confirm", link, from(address)))),
        ...(await repeat(5, () => post("/api/v1/user/email/revert", link, from(address)))),
      ];
      expect(codes(responses)).toEqual(Array(10).fill("INVALID_OTP"));
      expectTooManyRequests(await post("/api/v1/user/email/revert", link, from(address)), 10, 15 * 60);
      expectTooManyRequests(await post("/api/v1/user/email/confirm", link, from(address)), 10, 15 * 60);
    });

    it("lets a user try 5 deletions in 15 minutes; the 6th is refused and the account stays", async () => {
      const { email, password, asOwner } = await signedIn();
      const tries = await repeat(5, () => api.request("DELETE", "/api/v1/user", { password: strongPassword() }, asOwner()));
      expect(codes(tries)).toEqual(Array(5).fill("INCORRECT_PASSWORD"));
      expectTooManyRequests(await api.request("DELETE", "/api/v1/user", { password }, asOwner()), 5, 15 * 60);
      expect((await api.login({ email, password }, from(newAddress()))).status).toBe(200);
    });
  });

  describe("API key limits", () => {
    it("lets a user create 20 API keys an hour; the 21st is refused and not created, even with a place free", async () => {
      const { email, password } = await newAccount();
      const { body } = await api.login({ email, password }, from(newAddress()));
      const auth = () => ({ headers: { ...bearer(body.token), "x-forwarded-for": newAddress() } });
      const created = await repeat(20, () => api.request("POST", "/api/v1/user/api-keys", { name: "Acme CRM" }, auth()));
      expect(statuses(created)).toEqual(Array(20).fill(201));
      // Revoking one frees a place under the 20 live keys allowed: the hourly budget still refuses.
      expect((await api.request("DELETE", `/api/v1/user/api-keys/${created[0]!.body.id}`, undefined, auth())).status).toBe(200);
      expectTooManyRequests(await api.request("POST", "/api/v1/user/api-keys", { name: "Acme CRM" }, auth()), 20, 60 * 60);
      expect((await api.request("GET", "/api/v1/user/api-keys", undefined, auth())).body.apiKeys).toHaveLength(19);
    });
  });

  describe("the traffic guard", () => {
    it("allows 300 API requests a minute per address, saying what is left", async () => {
      const address = newAddress();
      const responses = await repeat(301, () => api.check(from(address)));
      expect(statuses(responses.slice(0, 300))).toEqual(Array(300).fill(401));
      expect(responses[0]!.headers.get("ratelimit-limit")).toBe("300");
      expect(responses[0]!.headers.get("ratelimit-remaining")).toBe("299");
      expect(responses[299]!.headers.get("ratelimit-remaining")).toBe("0");
      expectTooManyRequests(responses[300]!, 300, 60);
      expect((await api.check(from(newAddress()))).status).toBe(401);
    });

    it("bans an address that keeps going far past its limits, for a while, and only that address", async () => {
      const address = newAddress();
      const register = () => api.register({ email: uniqueEmail(), password: strongPassword() }, from(address));
      const responses = await repeat(107, register);
      // 5 accounts, then 101 refusals (the refusals-per-ip budget is 100), then the ban.
      expect(statuses(responses)).toEqual([...Array(5).fill(201), ...Array(101).fill(429), 403]);
      expect(responses[106]!.body).toEqual({ message: "Access denied", code: "ACCESS_DENIED" });
      expect((await api.check(from(address))).status).toBe(403);
      expect((await api.check(from(newAddress()))).status).toBe(401);
      // Everywhere: pages, and paths under /api that do not exist, in the contract's JSON.
      expect((await api.request("GET", "/sign-in", undefined, from(address))).status).toBe(403);
      const unknownPath = await api.request("GET", "/api/v1/user/no-such-endpoint", undefined, from(address));
      expect(unknownPath.status).toBe(403);
      expect(unknownPath.body).toEqual({ message: "Access denied", code: "ACCESS_DENIED" });
      expect((await api.request("GET", "/sign-in", undefined, from(newAddress()))).status).toBe(200);
      expect(readFileSync(server.logFile, "utf8")).toContain(`"clientIp":"${address}","banMinutes":15,"msg":"client banned`);
      if (clock) {
        clock.advance(16 * 60_000);
        expect((await api.check(from(address))).status).toBe(401);
      }
    });

    it.each(["203.0.113.7", "2001:db8::1"])("refuses the denied address %s on the API and the pages", async (address) => {
      const registered = await api.register({ email: uniqueEmail(), password: strongPassword() }, from(address));
      expect(registered.status).toBe(403);
      expect(registered.body).toEqual({ message: "Access denied", code: "ACCESS_DENIED" });
      expect((await api.request("GET", "/api/auth/csrf", undefined, from(address))).status).toBe(403);
      expect((await api.request("GET", "/sign-in", undefined, from(address))).status).toBe(403);
      const unknownPath = await api.request("POST", "/api/nothing-here", {}, from(address));
      expect(unknownPath.status).toBe(403);
      expect(unknownPath.body).toEqual({ message: "Access denied", code: "ACCESS_DENIED" });
      // next-auth's client reads the error from `url`: the sign-in page can say why.
      const signIn = await api.request("POST", "/api/auth/callback/credentials", undefined, {
        raw: new URLSearchParams({ email: uniqueEmail(), password: "x", json: "true" }).toString(),
        headers: { "x-forwarded-for": address, "content-type": "application/x-www-form-urlencoded" },
      });
      expect(signIn.status).toBe(403);
      expect(signIn.body).toMatchObject({ code: "ACCESS_DENIED", url: expect.stringMatching(/\/sign-in\?error=ACCESS_DENIED$/) });
      // The health checks are exempt from rate limits, not from the deny list.
      expect((await api.request("GET", "/api/health", undefined, from(address))).status).toBe(403);
      expect((await api.request("GET", "/api/health/ready", undefined, from(address))).status).toBe(403);
      // The seeds' routes outside /api refuse in their own shapes.
      const zitadel = await api.request("PUT", "/auth/v1/users/me/password", {}, from(address));
      expect(zitadel.status).toBe(403);
      expect(zitadel.body).toMatchObject({ code: 7, message: "Access denied (PORTAL-ACCESS_DENIED)" });
      const envelope = await api.request("POST", "/v1/users/profile/change-password", {}, from(address));
      expect(envelope.status).toBe(403);
      expect(envelope.body).toEqual({ status: false, error: { code: 4003, message: "Access denied" } });
    });

    it("keeps health checks out of the address's budget", async () => {
      const address = newAddress();
      const checks = await repeat(310, () => api.request("GET", "/api/health", undefined, from(address)));
      expect(statuses(checks)).toEqual(Array(310).fill(200));
      expect(checks[0]!.headers.get("ratelimit-limit")).toBeNull();
      const next = await api.check(from(address));
      expect(next.headers.get("ratelimit-remaining")).toBe("299");
    });

    it("answers an unknown path under /api with the contract's JSON 404", async () => {
      const response = await api.request("GET", "/api/v1/user/no-such-endpoint", undefined, from(newAddress()));
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ message: "Not Found", code: "NOT_FOUND" });
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    });

    it("serves addresses next to the denied ranges", async () => {
      expect((await api.register({ email: uniqueEmail(), password: strongPassword() }, from("203.0.114.7"))).status).toBe(201);
      expect((await api.request("GET", "/sign-in", undefined, from("2001:db9::1"))).status).toBe(200);
    });
  });
});

describe("the client address", () => {
  it("ignores X-Forwarded-For from clients when no proxy is trusted", async () => {
    const direct = apiClient(backends[0]!.url);
    const email = uniqueEmail();
    const password = strongPassword();
    await direct.register({ email, password }, from("203.0.113.50"));
    const { body } = await direct.login({ email, password }, from("203.0.113.50"));
    const sessions = await direct.sessions({ headers: bearer(body.token) });
    expect(sessions.body.sessions.map((session: { ip: string }) => session.ip)).toEqual(["127.0.0.1"]);
  });
});
