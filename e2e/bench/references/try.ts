// Smoke run of the references alone: npx tsx e2e/bench/references/try.ts
// Prints the bare Next reference's req/s on the three cheap paths (autocannon, 50 connections) and
// Better Auth's change-password throughput against the raw bcrypt ceiling, computed as run.ts does.
// BCRYPT_COST (12), BENCH_SECONDS (15), BENCH_CANNON_SECONDS (10), BENCH_WORKERS (8),
// BENCH_DATABASE_URL (PostgreSQL for Better Auth instead of its memory adapter), BENCH_SKIP_BUILD.
import bcrypt from "bcrypt";
import { requestsPerSecond } from "./autocannon";
import { BARE_NEXT_PATHS, startBareNext } from "./bare-next";
import { measureBetterAuthChangePassword, startBetterAuth } from "./better-auth";
import { round } from "../stats";

const COST = Number(process.env.BCRYPT_COST ?? 12);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CANNON_SECONDS = Number(process.env.BENCH_CANNON_SECONDS ?? 10);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 8);
const THREADPOOL = Number(process.env.UV_THREADPOOL_SIZE ?? 4);

/** run.ts's bcryptCeiling: compare+hash pairs per second on THREADPOOL threads for 10 s. */
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

async function main() {
  console.log("[try] building and starting the bare Next reference …");
  const bare = await startBareNext();
  try {
    const paths = [
      ["401 GET  /api/v1/user/check", { url: `${bare.url}${BARE_NEXT_PATHS.unauthorized}`, status: 401 }],
      ["400 POST /api/v1/user/login {}", { url: `${bare.url}${BARE_NEXT_PATHS.invalidParameters}`, method: "POST", body: "{}", status: 400 }],
      ["429 GET  /api/v1/user/limited", { url: `${bare.url}${BARE_NEXT_PATHS.tooManyRequests}`, status: 429 }],
    ] as const;
    for (const [label, request] of paths) {
      const figures = await requestsPerSecond({ ...request, seconds: CANNON_SECONDS });
      console.log(`bare Next ${label} : ${round(figures.rps)} req/s, p99 ${figures.p99} ms (${figures.requests} requests)`);
    }
  } finally {
    await bare.stop();
  }

  const ceiling = await bcryptCeiling();
  console.log(`bcrypt ceiling (compare+hash pairs/s, ${THREADPOOL} threads, cost ${COST}) : ${round(ceiling, 2)}`);
  const betterAuth = await startBetterAuth(COST, { postgresUrl: process.env.BENCH_DATABASE_URL });
  try {
    const passwords = ["amber-falcon-river-71", "quiet-harbor-lantern-38"] as const;
    const figures = await measureBetterAuthChangePassword({ url: betterAuth.url, workers: WORKERS, seconds: SECONDS, passwords });
    console.log(`Better Auth POST /api/auth/change-password requests/s : ${round(figures.throughput, 2)} (${figures.requests} requests, ${figures.failures} failed)`);
    console.log(`  p50 / p99 latency (ms)                               : ${round(figures.p50)} / ${round(figures.p99)}`);
    console.log(`  fraction of the bcrypt ceiling                       : ${round(figures.throughput / ceiling, 2)}`);
  } finally {
    await betterAuth.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
