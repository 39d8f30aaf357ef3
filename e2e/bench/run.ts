// npm run bench — builds and starts the production server on the embedded database, and prints,
// from one run, each figure beside a reference measured in the same run (issue #12):
//  - cheap answers (401, 400, 429) in requests/s against a bare Next.js route handler giving the
//    same answer (cheap-paths.ts; goal ≥ 0.9 of the reference);
//  - PATCH /api/v1/user/password under load (each worker alternates its own user between two
//    passwords) as a fraction of the raw bcrypt ceiling (compare+hash pairs per second through the
//    same binding and cost, measured before and after), against Better Auth's change-password
//    on the same bcrypt and the same load (goal ≥ 0.95, and not below Better Auth's fraction);
//  - GET /api/health p50/p99 while the change endpoint is saturated (goal p99 < 50 ms);
//  - overload: ten times more logins and password changes in flight than the bcrypt queue bound
//    (BCRYPT_MAX_QUEUE, set to BENCH_MAX_QUEUE) admits: served, refused with 503, how fast, and
//    /api/health meanwhile (overload.ts);
//  - forgot-password's response time for known and unknown addresses;
//  - GET /api/health p50/p99 on the idle server (the rate-limit store's cost per request: memory,
//    or Redis with BENCH_REDIS_URL);
//  - page weight: first-load JavaScript of each page and the strength meter's, gzip, from a real
//    Chromium load (page-weight.ts; goals ≤ 130 kB and ≤ 150 kB), skipped with a note when no
//    Chromium is installed.
// Figures, not assertions: targets are read by people (docs/performance.md), never by a timed test.
// BENCH_DATABASE_URL runs it on PostgreSQL instead (that database is emptied first).
import bcrypt from "bcrypt";
import { execSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { createPgliteDatabase, createPostgresDatabase } from "@/lib/testing/databases";
import { looseRateLimitsExcept, PRODUCTION_HASHING, startAppServer } from "../support/app-server";
import { cheapPaths, measureCheapPaths } from "./cheap-paths";
import { measureFirstLoad, measurePageWeights, type PageWeight } from "./page-weight";
import { startBareNext } from "./references/bare-next";
import { measureBetterAuthChangePassword, startBetterAuth } from "./references/better-auth";
import { changePasswordOnce, healthLatenciesUntil, json, jsonWhenServed, type PasswordChanger } from "./http";
import { describeOverload, overload } from "./overload";
import { cpuDuring, type CpuSeconds } from "./process-cpu";
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

const PASSWORDS = ["amber-falcon-river-71", "quiet-harbor-lantern-38"] as const;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** `workers` accounts on the portal, each signed in: the load phase's and the overload's users. */
async function signedInUsers(baseUrl: string, workers: number) {
  return Promise.all(
    Array.from({ length: workers }, async (_, index) => {
      const email = `bench-${index}-${Date.now()}@example.com`;
      const account = { method: "POST", body: JSON.stringify({ email, password: PASSWORDS[0] }) };
      await jsonWhenServed(`${baseUrl}/api/v1/user/register`, account, 201);
      const login = await jsonWhenServed(`${baseUrl}/api/v1/user/login`, account, 200);
      return { token: login.token!, current: 0 };
    }),
  );
}

/** Each user changes its own password back and forth until the deadline; /api/health is sampled meanwhile. */
async function changePasswordLoad(baseUrl: string, users: PasswordChanger[]) {
  const latencies: number[] = [];
  let failures = 0;
  const deadline = performance.now() + SECONDS * 1000;
  const load = Promise.all(
    users.map(async (user) => {
      while (performance.now() < deadline) {
        const { status, ms } = await changePasswordOnce(baseUrl, user, PASSWORDS);
        latencies.push(ms);
        if (status !== 200) failures += 1;
      }
    }),
  );
  const started = performance.now();
  const [, health] = await Promise.all([load, healthLatenciesUntil(baseUrl, deadline)]);
  return { throughput: latencies.length / ((performance.now() - started) / 1000), latencies, failures, health };
}

/**
 * Where the machine's cores went during the PATCH load: the portal's main thread (the event loop,
 * and PGlite's SQL, which runs there), its other threads (bcrypt's, mostly) and this process (the
 * load and the health samples); what is left was idle or went elsewhere (PostgreSQL's own process,
 * with BENCH_DATABASE_URL). Per change means per successful change, everything else the portal did
 * meanwhile (health samples, the notices' mail) included. A pair at the ceiling costs the cores
 * its threads could use, divided by its rate.
 */
function describeCores(portal: CpuSeconds | undefined, bench: CpuSeconds | undefined, seconds: number, changes: number, ceiling: number): string | undefined {
  if (!portal || !bench || changes === 0) return undefined;
  const cores = availableParallelism();
  const share = (cpu: number) => round(cpu / seconds, 2);
  const perChange = (cpu: number) => round((cpu * 1000) / changes, 0);
  const pairAtCeiling = round((Math.min(THREADPOOL, cores) * 1000) / ceiling, 0);
  const rest = cores - (portal.total + bench.total) / seconds;
  return (
    `  where the ${cores} cores went: the portal ${share(portal.total)} (main thread ${share(portal.mainThread)}, ${perChange(portal.mainThread)} ms a change; ` +
    `other threads ${share(portal.total - portal.mainThread)}, ${perChange(portal.total - portal.mainThread)} ms a change, a pair at the ceiling ${pairAtCeiling} ms), ` +
    `this bench process ${share(bench.total)}, idle or elsewhere ${round(rest, 2)}`
  );
}

const kB = (bytes: number) => `${round(bytes / 1000)} kB`;

async function main() {
  if (!process.env.BENCH_SKIP_BUILD) {
    console.log("[bench] next build …");
    execSync("npx next build", { stdio: "ignore" });
  }
  const logDir = mkdtempSync(path.join(tmpdir(), "account-portal-bench-"));
  const databases = [] as Array<{ dispose(): void }>;
  const newDatabase = async (name: string) => {
    const database = process.env.BENCH_DATABASE_URL ? await createPostgresDatabase(process.env.BENCH_DATABASE_URL) : await createPgliteDatabase(name);
    databases.push(database);
    return database.target;
  };
  const stops: Array<() => Promise<void>> = [];
  try {
    // Production logging (one info line per request): the cheap paths pay for it as they would in production.
    const server = await startAppServer("bench", await newDatabase("bench"), logDir, {
      ...PRODUCTION_HASHING,
      BCRYPT_COST: String(COST),
      BCRYPT_MAX_QUEUE: String(MAX_QUEUE),
      LOG_LEVEL: "info",
      ...(process.env.BENCH_REDIS_URL ? { REDIS_URL: process.env.BENCH_REDIS_URL, RATE_LIMIT_PREFIX: uniqueRedisPrefix("bench") } : {}),
      // e.g. "--require ./event-loop-probe.cjs" to see where the server's time goes.
      ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}),
    });
    stops.push(server.stop);
    // Every call over api-per-ip (and no ban for it): the 429 path.
    const limited = await startAppServer("bench-limited", await newDatabase("bench-limited"), logDir, {
      ...PRODUCTION_HASHING,
      LOG_LEVEL: "info",
      RATE_LIMITS: `${looseRateLimitsExcept("api-per-ip")},api-per-ip=1/1h`,
    });
    stops.push(limited.stop);
    console.log("[bench] next build of the bare reference, Better Auth …");
    const bare = await startBareNext();
    stops.push(bare.stop);
    console.log(
      `[bench] portal ${server.url}, bcrypt cost ${COST}, ${WORKERS} workers, ${SECONDS} s of load, then ${OVERLOAD_WORKERS} workers (BCRYPT_MAX_QUEUE=${MAX_QUEUE}, ${availableParallelism()} cores) for ${SECONDS} s`,
    );

    // Spend the one allowed call (and any the window still grants) before measuring the 429s.
    for (let tries = 0; (await json(`${limited.url}/api/v1/user/check`, {})).status !== 429; tries += 1) {
      if (tries === 10) throw new Error("the limited portal never answered 429");
    }
    const cheap = await measureCheapPaths(cheapPaths(server.url, limited.url, bare.url));
    const pageFloor = existsSync(CHROMIUM) ? await measureFirstLoad(bare.url, "/") : undefined;
    await bare.stop();

    const ceilingBefore = await bcryptCeiling();
    const users = await signedInUsers(server.url, WORKERS);
    const {
      result: portalLoad,
      seconds: loadSeconds,
      cpu: [portalCpu, benchCpu],
    } = await cpuDuring([server.child.pid!, process.pid], () => changePasswordLoad(server.url, users));

    const betterAuth = await startBetterAuth(COST, { postgresUrl: process.env.BENCH_DATABASE_URL });
    stops.push(betterAuth.stop);
    // Its health endpoint sampled the same way, so both loads carry the same extra requests.
    const [reference, referenceHealth] = await Promise.all([
      measureBetterAuthChangePassword({ url: betterAuth.url, workers: WORKERS, seconds: SECONDS, passwords: PASSWORDS }),
      healthLatenciesUntil(betterAuth.url, performance.now() + SECONDS * 1000, "/api/auth/ok"),
    ]);
    await betterAuth.stop();
    const ceilingAfter = await bcryptCeiling();
    const ceiling = (ceilingBefore + ceilingAfter) / 2;

    const loginAccount = { email: `bench-login-${Date.now()}@example.com`, password: PASSWORDS[0] };
    await jsonWhenServed(`${server.url}/api/v1/user/register`, { method: "POST", body: JSON.stringify(loginAccount) }, 201);
    const over = await overload({ baseUrl: server.url, workers: OVERLOAD_WORKERS, seconds: SECONDS, changers: users, passwords: PASSWORDS, loginAccount });

    const forgot = await forgotPasswordMedians(server.url);
    const idleHealth = await sequentialLatencies(`${server.url}/api/health`, 2_000);
    const weights: PageWeight[] | string = existsSync(CHROMIUM) ? await measurePageWeights(server.url) : `skipped: no Chromium at ${CHROMIUM} (CHROMIUM_PATH)`;

    console.log("");
    console.log("Cheap answers, autocannon -c 50, median of 3 alternating 5 s rounds (goal: ≥ 0.9 of the bare handler)");
    for (const path of cheap) {
      console.log(
        `  ${path.name.padEnd(46)}: ${round(path.portalRps, 0)} req/s vs bare ${round(path.referenceRps, 0)} → ${round(path.ratio, 2)} (rounds ${path.roundRatios.map((r) => round(r, 2)).join(", ")}; p99 ${round(path.portalP99)} ms)`,
      );
    }
    console.log(`bcrypt ceiling (compare+hash pairs/s, ${THREADPOOL} threads): ${round(ceiling, 2)} (before ${round(ceilingBefore, 2)}, after ${round(ceilingAfter, 2)})`);
    const ours = portalLoad.throughput / ceiling;
    const theirs = reference.throughput / ceiling;
    console.log(`PATCH /api/v1/user/password: ${round(portalLoad.throughput, 2)}/s = ${round(ours, 2)} of the ceiling (${portalLoad.latencies.length} requests, ${portalLoad.failures} failed; p50 / p99 ${round(median(portalLoad.latencies))} / ${round(percentile(portalLoad.latencies, 99))} ms)`);
    const cores = describeCores(portalCpu, benchCpu, loadSeconds, portalLoad.latencies.length - portalLoad.failures, ceiling);
    if (cores) console.log(cores);
    console.log(`Better Auth change-password : ${round(reference.throughput, 2)}/s = ${round(theirs, 2)} of the ceiling (${reference.requests} requests, ${reference.failures} failed; p50 / p99 ${round(reference.p50)} / ${round(reference.p99)} ms)`);
    console.log(`  portal ÷ Better Auth: ${round(ours / theirs, 2)} (goal: portal ≥ 0.95 of the ceiling and ≥ Better Auth's fraction)`);
    console.log(`GET /api/health during that load p50 / p99 (ms): ${round(median(portalLoad.health))} / ${round(percentile(portalLoad.health, 99))} (goal p99 < 50; ${portalLoad.health.length} samples; Better Auth's /api/auth/ok during its load: ${round(median(referenceHealth))} / ${round(percentile(referenceHealth, 99))})`);
    for (const line of describeOverload(over)) console.log(line);
    console.log(`POST /api/v1/user/forgot-password median (ms): known ${round(forgot.known)} / unknown ${round(forgot.unknown)} (${forgot.samples} each, alternating, idle server)`);
    console.log(`GET /api/health idle p50 / p99 (ms), ${process.env.BENCH_REDIS_URL ? "Redis" : "memory"} limits: ${round(median(idleHealth))} / ${round(percentile(idleHealth, 99))} (${idleHealth.length} sequential requests)`);
    if (typeof weights === "string") console.log(`Page weight: ${weights}`);
    else {
      console.log("Page weight, first-load JavaScript, gzip -9 of every script Chromium loads (goal ≤ 130 kB; meter ≤ 150 kB)");
      if (pageFloor) console.log(`  bare Next.js page : ${kB(pageFloor.firstLoadJsGzipBytes)} (${pageFloor.scripts} scripts; the reference app's server-only page, webpack build: Next.js and React alone)`);
      for (const page of weights) {
        const extra = page.meterJsGzipBytes === undefined ? "" : `; on focus +${kB(page.focusJsGzipBytes ?? 0)}, strength meter on first keystroke +${kB(page.meterJsGzipBytes)}`;
        console.log(`  ${page.page.padEnd(18)}: ${kB(page.firstLoadJsGzipBytes)} (${page.scripts} scripts)${extra}`);
      }
    }
  } finally {
    for (const stop of stops.reverse()) await stop();
    for (const database of databases) database.dispose();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
