// Defect 11 of issue #9: hashes waiting for a core queued without bound, so a burst of logins
// (known emails or not: each costs a bcrypt) made every request wait behind it. Past
// BCRYPT_MAX_QUEUE waiting hashes the server answers 503 at once instead.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseTarget } from "@/lib/server/db/driver";
import { createPgliteDatabase, type TestDatabase } from "@/lib/testing/databases";
import { looseRateLimitsExcept, PRODUCTION_HASHING, startAppServer, type AppServer } from "../support/app-server";
import { apiClient, cookiePair, strongPassword, uniqueEmail, type ApiResponse } from "./client";

const BURST = 30;
// login-per-ip-email keeps a real budget (12, a little above the other tests' use from one
// address), and one trusted proxy lets a test pick its own address.
const SLOW = { ...PRODUCTION_HASHING, BCRYPT_MAX_QUEUE: "2", BCRYPT_COST: "12", RATE_LIMITS: `${looseRateLimitsExcept("login-per-ip-email")},login-per-ip-email=12/15m`, TRUST_PROXY: "1" };

/** The embedded database, and the suite's PostgreSQL (already migrated by the global setup) when set. */
const targets: Array<{ name: string; target: () => Promise<TestDatabase> }> = [
  { name: "pglite", target: () => createPgliteDatabase("bcrypt-overload") },
  ...(process.env.TEST_DATABASE_URL
    ? [{ name: "postgres", target: async () => ({ name: "postgres", target: { kind: "postgres", url: process.env.TEST_DATABASE_URL! } as DatabaseTarget, dispose() {} }) }]
    : []),
];

function expectRefusedAtOnce(response: ApiResponse) {
  expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  expect(response.body).toEqual({
    message: "Service temporarily unavailable",
    code: "SERVICE_UNAVAILABLE",
    requestId: response.headers.get("x-request-id"),
  });
}

/** One browser sign-in through next-auth's Credentials provider; returns the error code it reports, or "signed-in". */
async function browserSignIn(baseUrl: string, csrf: { token: string; cookie: string }, email: string, password: string) {
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrf.cookie },
    body: new URLSearchParams({ csrfToken: csrf.token, email, password, json: "true" }),
    redirect: "manual",
  });
  const { url } = (await response.json()) as { url: string };
  return { status: response.status, outcome: new URL(url).searchParams.get("error") ?? "signed-in" };
}

describe.each(targets)("a burst of bcrypt work past BCRYPT_MAX_QUEUE on $name", ({ target }) => {
  let database: TestDatabase;
  let server: AppServer;
  let api: ReturnType<typeof apiClient>;
  const known: Array<{ email: string; password: string }> = [];

  beforeAll(async () => {
    database = await target();
    const logDir = mkdtempSync(path.join(tmpdir(), "account-portal-bcrypt-overload-"));
    server = await startAppServer("bcrypt-overload", database.target, logDir, SLOW);
    api = apiClient(server.url);
    for (let i = 0; i < 3; i++) {
      const account = { email: uniqueEmail("burst"), password: strongPassword() };
      expect((await api.register(account)).status).toBe(201);
      known.push(account);
    }
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    database?.dispose();
  });

  it("refuses logins past the queue with 503 and Retry-After at once, serves the rest, and stays healthy", { timeout: 120_000 }, async () => {
    const attempts = Array.from({ length: BURST }, (_, index) => {
      const account = known[index % known.length]!;
      const knownEmail = index % 2 === 0;
      return { knownEmail, body: knownEmail ? account : { email: uniqueEmail("nobody"), password: strongPassword() } };
    });
    const burst = Promise.all(attempts.map(({ body }) => api.login(body)));
    // Liveness never waits for bcrypt: probe while the burst is being served.
    const health = await Promise.all(
      Array.from({ length: 5 }, async (_, index) => {
        await new Promise((resolve) => setTimeout(resolve, 100 * index));
        return (await fetch(`${server.url}/api/health`)).status;
      }),
    );
    const responses = await burst;

    expect(health).toEqual([200, 200, 200, 200, 200]);
    const refused = responses.filter((response) => response.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    refused.forEach(expectRefusedAtOnce);
    responses.forEach((response, index) => {
      const served = attempts[index]!.knownEmail ? 200 : 401;
      expect([served, 503]).toContain(response.status);
    });
    expect(responses.filter((response) => response.status !== 503).length).toBeGreaterThan(0);

    // Once the burst is over, known and unknown emails are answered normally again.
    expect((await api.login(known[0]!)).status).toBe(200);
    expect((await api.login({ email: uniqueEmail("nobody"), password: strongPassword() })).status).toBe(401);
  });

  it("does not spend a caller's login budget on attempts refused for the server's load", { timeout: 120_000 }, async () => {
    const { email } = known[1]!;
    const from = { headers: { "x-forwarded-for": "198.51.100.77" } };
    // Fill the queue from other addresses, then send twelve attempts (the whole budget) while it is full.
    const filler = Promise.all(
      Array.from({ length: 12 }, (_, index) => api.login({ email: uniqueEmail("filler"), password: strongPassword() }, { headers: { "x-forwarded-for": `198.51.100.${index + 1}` } })),
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
    const attempts = await Promise.all(Array.from({ length: 12 }, () => api.login({ email, password: strongPassword() }, from)));
    await filler;
    expect(attempts.filter((response) => response.status === 503).length).toBeGreaterThan(0);
    // Had the refused attempts been counted, the budget of 12 would be spent and this a 429.
    expect((await api.login({ email, password: strongPassword() }, from)).status).toBe(401);
  });

  it("refuses registrations past the queue without creating the account", { timeout: 120_000 }, async () => {
    const accounts = Array.from({ length: 20 }, () => ({ email: uniqueEmail("burst-register"), password: strongPassword() }));
    const responses = await Promise.all(accounts.map((account) => api.register(account)));

    expect(responses.map((response) => response.status).every((status) => status === 201 || status === 503)).toBe(true);
    const refusedIndex = responses.findIndex((response) => response.status === 503);
    expect(refusedIndex).toBeGreaterThanOrEqual(0);
    expectRefusedAtOnce(responses[refusedIndex]!);
    // A refused registration left nothing behind: the same email registers afterwards.
    expect((await api.register(accounts[refusedIndex]!)).status).toBe(201);
  });

  it("tells browser sign-ins past the queue SERVICE_UNAVAILABLE instead of failing them", { timeout: 120_000 }, async () => {
    const csrfs = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const response = await fetch(`${server.url}/api/auth/csrf`);
        const { csrfToken } = (await response.json()) as { csrfToken: string };
        return { token: csrfToken, cookie: response.headers.getSetCookie().map(cookiePair).join("; ") };
      }),
    );
    const results = await Promise.all(
      csrfs.map((csrf, index) => {
        const account = known[index % known.length]!;
        return browserSignIn(server.url, csrf, index % 2 ? account.email : uniqueEmail("nobody"), account.password);
      }),
    );

    expect(results.every(({ status }) => status < 500)).toBe(true);
    const outcomes = results.map(({ outcome }) => outcome);
    expect(outcomes).toContain("SERVICE_UNAVAILABLE");
    results.forEach(({ outcome }, index) => {
      expect(["SERVICE_UNAVAILABLE", index % 2 ? "signed-in" : "CredentialsSignin"]).toContain(outcome);
    });
  });
});
