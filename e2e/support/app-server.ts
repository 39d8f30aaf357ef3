import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { DatabaseTarget } from "@/lib/server/db/driver";
import { POLICY_NAMES, type PolicyName } from "@/lib/server/rate-limit/policies";
import { freePort } from "./free-port";

export interface AppServer {
  url: string;
  logFile: string;
  stop(): Promise<void>;
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

/** Settings every test server shares: production mode, the cheapest cost production allows. */
export function testServerEnv(target: DatabaseTarget, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    APP_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    BCRYPT_COST: "10",
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

async function waitUntilUp(url: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`test server exited with ${child.exitCode}:\n${readFileSync(logFile, "utf8").slice(-2000)}`);
    }
    try {
      const response = await fetch(`${url}/sign-in`);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`test server at ${url} did not start within 60 s`);
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
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(logDir, `${name}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: ROOT,
    env: testServerEnv(target, port, extraEnv),
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  try {
    await waitUntilUp(url, child, logFile);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    url,
    logFile,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      }),
  };
}
