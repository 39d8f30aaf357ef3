// npm run bench — builds and starts the production server on the embedded database, then prints,
// from one run:
//  - the raw bcrypt ceiling: compare+hash pairs per second through the same binding and cost;
//  - PATCH /api/v1/user/password under load (each worker alternates its own user between two
//    passwords): requests/s, p50, p99, and the fraction of the bcrypt ceiling it reaches;
//  - GET /api/health p50/p99 while the change endpoint is saturated;
//  - overload: ten times more logins and password changes in flight than the bcrypt queue bound
//    (BCRYPT_MAX_QUEUE, set to BENCH_MAX_QUEUE) admits: how many were served and how many refused
//    with 503, how fast each kind of answer came, and /api/health p50/p99 meanwhile (overload.ts).
// Figures, not assertions: targets are read by people (see the README), never by a timed test.
//  - GET /api/health p50/p99 on the idle server: every request passes the traffic guard, so this
//    is the rate-limit store's cost per request (memory, or Redis with BENCH_REDIS_URL).
// BENCH_DATABASE_URL runs it on PostgreSQL instead (that database is emptied first).
import bcrypt from "bcrypt";
import { execSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { createPgliteDatabase, createPostgresDatabase } from "@/lib/testing/databases";
import { startAppServer } from "../support/app-server";
import { healthLatenciesUntil, json, jsonWhenServed } from "./http";
import { describeOverload, overload } from "./overload";
import { median, percentile, round } from "./stats";
import { uniqueRedisPrefix } from "@/lib/testing/redis";

const COST = Number(process.env.BCRYPT_COST ?? 12);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
/** Enough requests in flight to keep libuv's four bcrypt threads busy. */
const WORKERS = Number(process.env.BENCH_WORKERS ?? 8);
const THREADPOOL = Number(process.env.UV_THREADPOOL_SIZE ?? 4);
/** Hashes that may wait for a core: as many as the load phase's workers, so only the overload is refused. */
const MAX_QUEUE = Number(process.env.BENCH_MAX_QUEUE ?? WORKERS);
/** Ten times what the server admits at once: the queue plus one running hash per core. */
const OVERLOAD_WORKERS = Number(process.env.BENCH_OVERLOAD_WORKERS ?? 10 * (MAX_QUEUE + availableParallelism()));

async function bcryptCeiling(): Promise<number> {
  const hash = await bcrypt.hash("ceiling-probe-password", COST);
  let pairs = 0;
  const deadline = performance.now() + 10_000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: THREADPOOL }, async () => {
      while (performance.now() < deadline) {
        await bcrypt.compare("ceiling-probe-password", hash);
        await bcrypt.hash("ceiling-probe-next", COST);
        pairs += 1;
      }
    }),
  );
  return pairs / ((performance.now() - started) / 1000);
}

async function sequentialLatencies(url: string, count: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await (await fetch(url)).arrayBuffer();
    latencies.push(performance.now() - started);
  }
  return latencies;
}

/**
 * Median response time of forgot-password for registered and unregistered addresses, measured
 * alternately on an idle server (each address once: the per-address cooldown is 60 s). The
 * known path stores the reset and sends the mail after its response; those costs are not hidden
 * from the server, only from the response time, which is what an enumerating client can see.
 */
async function forgotPasswordMedians(baseUrl: string, samples = 40) {
  const known: number[] = [];
  const unknown: number[] = [];
  const stamp = Date.now();
  const registered = await Promise.all(
    Array.from({ length: samples }, async (_, index) => {
      const email = `forgot-${index}-${stamp}@example.com`;
      await jsonWhenServed(`${baseUrl}/api/v1/user/register`, { method: "POST", body: JSON.stringify({ email, password: "amber-falcon-river-71" }) }, 201);
      return email;
    }),
  );
  for (let index = 0; index < samples; index += 1) {
    for (const [email, bucket] of [
      [registered[index]!, known],
      [`nobody-${index}-${stamp}@example.com`, unknown],
    ] as const) {
      const started = performance.now();
      const response = await json(`${baseUrl}/api/v1/user/forgot-password`, { method: "POST", body: JSON.stringify({ email }) });
      bucket.push(performance.now() - started);
      if (response.status !== 200) throw new Error(`forgot-password answered ${response.status}`);
      // Let the known path's after-response work (record, mail) finish before the next sample.
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
  return { known: median(known), unknown: median(unknown), samples };
}

async function main() {
  if (!process.env.BENCH_SKIP_BUILD) {
    console.log("[bench] next build …");
    execSync("npx next build", { stdio: "ignore" });
  }
  const database = process.env.BENCH_DATABASE_URL
    ? await createPostgresDatabase(process.env.BENCH_DATABASE_URL)
    : await createPgliteDatabase("bench");
  const logDir = mkdtempSync(path.join(tmpdir(), "account-portal-bench-"));
  const server = await startAppServer("bench", database.target, logDir, {
    BCRYPT_COST: String(COST),
    BCRYPT_MAX_QUEUE: String(MAX_QUEUE),
    LOG_LEVEL: "warn",
    ...(process.env.BENCH_REDIS_URL ? { REDIS_URL: process.env.BENCH_REDIS_URL, RATE_LIMIT_PREFIX: uniqueRedisPrefix("bench") } : {}),
    // e.g. "--require ./event-loop-probe.cjs" to see where the server's time goes.
    ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}),
  });
  try {
    console.log(
      `[bench] server ${server.url}, bcrypt cost ${COST}, ${WORKERS} workers, ${SECONDS} s of load, then ${OVERLOAD_WORKERS} workers (BCRYPT_MAX_QUEUE=${MAX_QUEUE}, ${availableParallelism()} cores) for ${SECONDS} s`,
    );
    const ceiling = await bcryptCeiling();

    const passwords = ["amber-falcon-river-71", "quiet-harbor-lantern-38"] as const;
    const users = await Promise.all(
      Array.from({ length: WORKERS }, async (_, index) => {
        const email = `bench-${index}-${Date.now()}@example.com`;
        const account = { method: "POST", body: JSON.stringify({ email, password: passwords[0] }) };
        await jsonWhenServed(`${server.url}/api/v1/user/register`, account, 201);
        const login = await jsonWhenServed(`${server.url}/api/v1/user/login`, account, 200);
        return { token: login.token!, current: 0 };
      }),
    );

    const latencies: number[] = [];
    let failures = 0;
    const deadline = performance.now() + SECONDS * 1000;
    const load = Promise.all(
      users.map(async (user) => {
        while (performance.now() < deadline) {
          const next = 1 - user.current;
          const started = performance.now();
          const response = await json(`${server.url}/api/v1/user/password`, {
            method: "PATCH",
            headers: { authorization: `Bearer ${user.token}` },
            body: JSON.stringify({ oldPassword: passwords[user.current], newPassword: passwords[next] }),
          });
          latencies.push(performance.now() - started);
          if (response.status === 200) user.current = next;
          else failures += 1;
        }
      }),
    );
    const loadStarted = performance.now();
    const [, healthLatencies] = await Promise.all([load, healthLatenciesUntil(server.url, deadline)]);
    const throughput = latencies.length / ((performance.now() - loadStarted) / 1000);

    const loginAccount = { email: `bench-login-${Date.now()}@example.com`, password: passwords[0] };
    await jsonWhenServed(`${server.url}/api/v1/user/register`, { method: "POST", body: JSON.stringify(loginAccount) }, 201);
    const over = await overload({ baseUrl: server.url, workers: OVERLOAD_WORKERS, seconds: SECONDS, changers: users, passwords, loginAccount });

    const forgot = await forgotPasswordMedians(server.url);
    const idleHealth = await sequentialLatencies(`${server.url}/api/health`, 2_000);

    console.log("");
    console.log(`bcrypt ceiling (compare+hash pairs/s, ${THREADPOOL} threads) : ${round(ceiling, 2)}`);
    console.log(`PATCH /api/v1/user/password requests/s            : ${round(throughput, 2)} (${latencies.length} requests, ${failures} failed)`);
    console.log(`  p50 / p99 latency (ms)                           : ${round(median(latencies))} / ${round(percentile(latencies, 99))}`);
    console.log(`  fraction of the bcrypt ceiling (target ≥ 0.8)    : ${round(throughput / ceiling, 2)}`);
    console.log(`GET /api/health under that load p50 / p99 (ms)     : ${round(median(healthLatencies))} / ${round(percentile(healthLatencies, 99))} (target p99 < 50; ${healthLatencies.length} samples)`);
    for (const line of describeOverload(over)) console.log(line);
    console.log(`POST /api/v1/user/forgot-password median (ms)     : known ${round(forgot.known)} / unknown ${round(forgot.unknown)} (${forgot.samples} each, alternating, idle server)`);
    console.log(`GET /api/health idle p50 / p99 (ms), ${process.env.BENCH_REDIS_URL ? "Redis" : "memory"} limits  : ${round(median(idleHealth))} / ${round(percentile(idleHealth, 99))} (${idleHealth.length} sequential requests)`);
  } finally {
    await server.stop();
    database.dispose();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
