// The bare Next.js reference for the portal's cheap paths (issue #12): the app in ./bare-next
// answers the portal's 401, 400 and 429 with the same status, headers and body, from route
// handlers that do nothing else, served by `next start` on the repository's own next and react (built with webpack: see below).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../../support/free-port";
import { startChildServer } from "./child-server";

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
  const { stop } = await startChildServer({
    name: `the bare Next reference at ${url}`,
    args: [NEXT_BIN, "start", APP_DIR, "-p", String(port), "-H", "127.0.0.1"],
    env,
    logFile,
    isUp: async () => (await fetch(`${url}${BARE_NEXT_PATHS.unauthorized}`)).status === 401,
  });
  return { url, logFile, stop };
}
