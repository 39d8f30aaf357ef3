import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DatabaseTarget } from "@/lib/server/db/driver";
import { POLICY_NAMES, type PolicyName } from "@/lib/server/rate-limit/policies";
import { freePort } from "./free-port";

export interface AppServer {
  url: string;
  logFile: string;
  /** SIGTERM, then SIGKILL after 5 s. */
  stop(): Promise<void>;
  /** The server process, for tests that signal or kill it themselves. */
  child: ChildProcess;
}

const ROOT = process.cwd();

/**
 * The suites send thousands of requests from 127.0.0.1; the limits themselves are tested on
 * servers that keep the defaults (e2e/contract/rate-limits.test.ts).
 */
export function looseRateLimitsExcept(...kept: PolicyName[]): string {
  return POLICY_NAMES.filter((name) => !kept.includes(name))
    .map((name) => `${name}=1000000/1m`)
    .join(",");
}

/**
 * Production as deployed: what the suites that measure bcrypt's cost or the answer times it masks
 * run on (and the bench). NODE_ENV=production refuses a cost below 10.
 */
export const PRODUCTION_HASHING = { NODE_ENV: "production", BCRYPT_COST: "10" } as const;

/**
 * Settings every test server shares. The production build, served with NODE_ENV=test: the same
 * runtime as production (Next picks its development runtime only for "development"), but bcrypt
 * at cost 4, which production refuses, since a suite's time would otherwise go to hashing. Servers
 * that measure cost or timing, or production's own refusals, pass PRODUCTION_HASHING.
 */
export function testServerEnv(target: DatabaseTarget, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: "test",
    PORT: String(port),
    APP_URL: `http://127.0.0.1:${port}`,
    // Plain http on the loopback: production settings otherwise.
    ALLOW_INSECURE_HTTP: "true",
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    BCRYPT_COST: "4",
    HOST: "127.0.0.1",
    RATE_LIMITS: looseRateLimitsExcept(),
    LOG_LEVEL: "info",
    NEXT_TELEMETRY_DISABLED: "1",
    ...extra,
  };
  delete env.DATABASE_URL;
  delete env.PGLITE_DATA_DIR;
  delete env.NEXTAUTH_URL;
  for (const name of ["REDIS_URL", "UPSTASH_REDIS_REST_URL", "UPSTASH_REDIS_REST_TOKEN", "TRAFFIC_DENY", "TRUST_PROXY"]) {
    if (!(name in extra)) delete env[name];
  }
  if (target.kind === "postgres") env.DATABASE_URL = target.url;
  else env.PGLITE_DATA_DIR = target.dataDir;
  return env as NodeJS.ProcessEnv;
}

async function waitUntilUp(url: string, child: ChildProcess, logFile: string, probePath = "/sign-in", timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`test server exited with ${child.exitCode}:\n${readFileSync(logFile, "utf8").slice(-2000)}`);
    }
    try {
      const response = await fetch(`${url}${probePath}`);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`test server at ${url} did not start within ${timeoutMs / 1000} s`);
}

/** Runs server.ts with `env`, its output in `logFile`, and waits until `probePath` answers. */
async function spawnServer(
  env: NodeJS.ProcessEnv,
  url: string,
  logFile: string,
  probe: { path?: string; timeoutMs?: number } = {},
): Promise<AppServer> {
  // The server writes its log straight into the file, as in production: through a pipe, a busy
  // parent (a bench driving load from this process) would hold its writes up and slow it down.
  const log = openSync(logFile, "a");
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], { cwd: ROOT, env, stdio: ["ignore", log, log] });
  closeSync(log);
  try {
    await waitUntilUp(url, child, logFile, probe.path, probe.timeoutMs);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    url,
    logFile,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        // A child killed by a signal has no exit code, only a signal code.
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      }),
  };
}

/**
 * Starts the portal's production server (server.ts, as `npm start` does) on the production build (npm test builds it first) against a migrated
 * database, on a free port, with its output in a log file the tests can read.
 */
export async function startAppServer(
  name: string,
  target: DatabaseTarget,
  logDir: string,
  extraEnv: Record<string, string> = {},
  fixedPort?: number,
): Promise<AppServer> {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    throw new Error("No production build: run `npm run test:build` (npm test does it first).");
  }
  const port = fixedPort ?? (await freePort());
  return spawnServer(testServerEnv(target, port, extraEnv), `http://127.0.0.1:${port}`, path.join(logDir, `${name}.log`));
}

/**
 * Starts the portal exactly as `npm start` does: package.json's `prestart` (the migration step,
 * the first to read the configuration) to completion, then the server. Rejects with the output
 * of whichever step exits.
 */
export async function startAsNpmStart(
  name: string,
  target: DatabaseTarget,
  logDir: string,
  extraEnv: Record<string, string> = {},
): Promise<AppServer> {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    throw new Error("No production build: run `npm run test:build` (npm test does it first).");
  }
  const port = await freePort();
  const env = testServerEnv(target, port, extraEnv);
  const logFile = path.join(logDir, `${name}.log`);
  const prestart = await runToEnd("npm", ["run", "--silent", "prestart"], env);
  writeFileSync(`${logFile}.prestart`, prestart.output);
  if (prestart.code !== 0) throw new Error(`prestart exited with ${prestart.code}:\n${prestart.output.slice(-2000)}`);
  return spawnServer(env, `http://127.0.0.1:${port}`, logFile);
}

/** Runs a command to its end, its stdout and stderr interleaved as they came. */
function runToEnd(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, output }));
  });
}

/**
 * Starts server.ts as `npm run dev` does (NODE_ENV unset, Turbopack compiling on demand) with
 * HOST unset, on a throwaway PGlite directory; ready once `probePath` has compiled and answered.
 */
export async function startDevServer(logDir: string, probePath: string, extraEnv: Record<string, string> = {}): Promise<AppServer> {
  const port = await freePort();
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(port),
    PGLITE_DATA_DIR: mkdtempSync(path.join(logDir, "pglite-")),
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    LOG_LEVEL: "info",
    NEXT_TELEMETRY_DISABLED: "1",
    ...extraEnv,
  };
  for (const name of ["NODE_ENV", "HOST", "APP_URL", "NEXTAUTH_URL", "DATABASE_URL", "SMTP_URL", "REDIS_URL", "UPSTASH_REDIS_REST_URL", "TRAFFIC_DENY", "TEST_CLOCK_FILE"]) {
    if (!(name in extraEnv)) delete env[name];
  }
  // First compilation of a page on two busy cores takes a minute or more.
  return spawnServer(env as NodeJS.ProcessEnv, `http://127.0.0.1:${port}`, path.join(logDir, "development.log"), { path: probePath, timeoutMs: 240_000 });
}
