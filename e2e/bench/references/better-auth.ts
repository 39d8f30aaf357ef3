// Better Auth's change-password, the reference for PATCH /api/v1/user/password (issue #12): the
// same bcrypt binding and cost, measured with the same loop as the portal's load phase (run.ts).
//
// Database: the memory adapter by default; `postgresUrl` runs it on a database of its own on that
// PostgreSQL server instead (Better Auth's Kysely driver over `pg`). PGlite, the portal's default,
// has no driver in Better Auth (it would take a Kysely dialect of our own), so against the
// portal on PGlite the memory adapter is the comparison, and it favours Better Auth: its session
// lookup and password update are array scans and a structuredClone of a few rows, where the
// portal's are SQL statements in a single-connection PGlite. Both spend one bcrypt hash and one
// bcrypt compare per change, which is where nearly all of the time goes at cost 10 and above.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "pg";
import { freePort } from "../../support/free-port";
import { startChildServer } from "./child-server";
import { json } from "../http";
import { median, percentile } from "../stats";

export interface BetterAuthReference {
  url: string;
  logFile: string;
  /** Signs up (Better Auth signs the new user in) and returns the session cookie to send back. */
  createUser(email: string, password: string): Promise<string>;
  stop(): Promise<void>;
}

const SERVER = path.join(__dirname, "better-auth-server.ts");

/**
 * Starts Better Auth in a process of its own on a free port, NODE_ENV=production, bcrypt at `cost`.
 * `postgresUrl`: a PostgreSQL server on which a database `<name>_better_auth` is made afresh.
 */
export async function startBetterAuth(cost: number, { postgresUrl }: { postgresUrl?: string } = {}): Promise<BetterAuthReference> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(mkdtempSync(path.join(tmpdir(), "bench-better-auth-")), "better-auth.log");
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: String(port), BETTER_AUTH_BENCH_COST: String(cost) };
  delete env.BETTER_AUTH_BENCH_DATABASE_URL;
  if (postgresUrl) env.BETTER_AUTH_BENCH_DATABASE_URL = await freshSiblingDatabase(postgresUrl, "better_auth");

  const { stop } = await startChildServer({
    name: `Better Auth at ${url}`,
    args: ["--import", "tsx", SERVER],
    env,
    logFile,
    isUp: async () => (await fetch(`${url}/api/auth/ok`)).ok,
  });

  return {
    url,
    logFile,
    stop,
    createUser: (email, password) => signUpAt(url, email, password),
  };
}

/** Drops and creates `<database>_<suffix>` on the server `url` names; returns its URL. */
async function freshSiblingDatabase(url: string, suffix: string): Promise<string> {
  const sibling = new URL(url);
  const name = `${sibling.pathname.slice(1) || "postgres"}_${suffix}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  sibling.pathname = `/${name}`;
  return sibling.toString();
}

export interface ChangePasswordFigures {
  /** Requests per second over the window, answered or failed. */
  throughput: number;
  p50: number;
  p99: number;
  failures: number;
  requests: number;
}

/**
 * run.ts's load phase against Better Auth: `workers` users, each signed up with passwords[0] and
 * changed back and forth between the two by its own loop until `seconds` have passed; anything
 * but 200 is a failure (and the loop keeps the password it had).
 */
export async function measureBetterAuthChangePassword({
  url,
  workers = 8,
  seconds = 15,
  passwords,
}: {
  url: string;
  workers?: number;
  seconds?: number;
  passwords: readonly [string, string];
}): Promise<ChangePasswordFigures> {
  const stamp = Date.now();
  const users = await Promise.all(
    Array.from({ length: workers }, async (_, index) => ({ cookie: await signUpAt(url, `bench-${index}-${stamp}@example.com`, passwords[0]), current: 0 })),
  );

  const latencies: number[] = [];
  let failures = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    users.map(async (user) => {
      while (performance.now() < deadline) {
        const next = 1 - user.current;
        const sent = performance.now();
        const response = await json(`${url}/api/auth/change-password`, {
          method: "POST",
          // A request with a cookie must name a trusted origin (Better Auth's CSRF check), as a browser does.
          headers: { cookie: user.cookie, origin: url },
          body: JSON.stringify({ currentPassword: passwords[user.current], newPassword: passwords[next], revokeOtherSessions: false }),
        });
        latencies.push(performance.now() - sent);
        if (response.status === 200) user.current = next;
        else failures += 1;
      }
    }),
  );
  const throughput = latencies.length / ((performance.now() - started) / 1000);
  return { throughput, p50: median(latencies), p99: percentile(latencies, 99), failures, requests: latencies.length };
}

async function signUpAt(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email, password, name: email.split("@")[0] }),
  });
  if (response.status !== 200) throw new Error(`sign-up answered ${response.status}: ${await response.text()}`);
  await response.arrayBuffer();
  // better-auth.session_token=<token>.<signature>: the only cookie unless cookieCache is on.
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  if (!cookie.includes("session_token=")) throw new Error(`sign-up set no session cookie: ${cookie}`);
  return cookie;
}
