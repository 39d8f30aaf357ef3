// Serves the production build for Playwright (webServer) on a fresh temporary PGlite database,
// with its mail going to a real SMTP server whose messages the specs read from E2E_MAIL_DIR.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPgliteDatabase } from "@/lib/testing/databases";
import { looseRateLimitsExcept, startAppServer } from "./app-server";
import { E2E_MAIL_DIR, E2E_PORT } from "./e2e-env";
import { startMailServer } from "./mailbox";

async function main() {
  rmSync(E2E_MAIL_DIR, { recursive: true, force: true });
  const mailServer = await startMailServer(E2E_MAIL_DIR);
  const database = await createPgliteDatabase("e2e");
  const logDir = mkdtempSync(path.join(tmpdir(), "account-portal-e2e-"));
  const server = await startAppServer(
    "e2e",
    database.target,
    logDir,
    // The sign-in page's "too many attempts" is shown for real; every other limit is loosened.
    { SMTP_URL: mailServer.url, RATE_LIMITS: looseRateLimitsExcept("login-per-ip-email") },
    E2E_PORT,
  );
  console.log(`[e2e] serving ${server.url} (log: ${server.logFile}, mail: ${E2E_MAIL_DIR})`);
  const shutdown = async () => {
    await server.stop();
    await mailServer.stop();
    database.dispose();
    process.exit(0);
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
