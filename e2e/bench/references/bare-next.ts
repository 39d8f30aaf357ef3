// The bare Next.js reference for the portal's cheap paths (issue #12): the app in ./bare-next
// answers the portal's 401, 400 and 429 with the same status, headers and body, from route
// handlers that do nothing else, served by `next start` on the repository's own next and react (built with webpack: see below).
import { execFileSync, spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../../support/free-port";

const APP_DIR = path.join(__dirname, "bare-next");
const NEXT_BIN = require.resolve("next/dist/bin/next");

/** Paths of the reference, each answering as the portal's counterpart does. */
export const BARE_NEXT_PATHS = {
  /** GET, no credentials: the portal's GET /api/v1/user/check without a token. */
  unauthorized: "/api/v1/user/check",
  /** POST `{}`: the portal's POST /api/v1/user/login with an empty body. */
  invalidParameters: "/api/v1/user/login",
  /** GET: the portal's answer to an address over its api-per-ip budget. */
  tooManyRequests: "/api/v1/user/limited",
} as const;

/**
 * Builds the reference once (`next build`; with BENCH_SKIP_BUILD set, an existing build is used)
 * and serves it with `next start` on a free port, NODE_ENV=production, until `stop()`.
 */
export async function startBareNext(): Promise<{ url: string; logFile: string; stop(): Promise<void> }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  if (!process.env.BENCH_SKIP_BUILD || !existsSync(path.join(APP_DIR, ".next", "BUILD_ID"))) {
    // Webpack: Turbopack, rooted at the repository (where node_modules is), also compiles the
    // portal's own proxy.ts and instrumentation.ts into this app, which then runs the portal's
    // middleware on every request and refuses to start without the portal's configuration.
    execFileSync(process.execPath, [NEXT_BIN, "build", "--webpack", APP_DIR], { env, stdio: "ignore" });
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(mkdtempSync(path.join(tmpdir(), "bench-bare-next-")), "bare-next.log");
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, [NEXT_BIN, "start", APP_DIR, "-p", String(port), "-H", "127.0.0.1"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
    });

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${readFileSync(logFile, "utf8").slice(-2000)}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the bare Next reference at ${url} did not start within 60 s`);
    }
    try {
      if ((await fetch(`${url}${BARE_NEXT_PATHS.unauthorized}`)).status === 401) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, logFile, stop };
}
