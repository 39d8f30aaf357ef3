// Serves the production build on a fresh temporary PGlite database for Playwright (webServer),
// and removes it again when Playwright stops the server.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startAppServer } from "./app-server";
import { createPgliteDatabase } from "@/lib/testing/databases";

async function main() {
  const port = Number(process.env.E2E_PORT ?? 9310);
  const database = await createPgliteDatabase("e2e");
  const logDir = mkdtempSync(path.join(tmpdir(), "account-portal-e2e-"));
  const server = await startAppServer("e2e", database.target, logDir, {}, port);
  console.log(`[e2e] serving ${server.url} (log: ${server.logFile})`);
  const shutdown = async () => {
    await server.stop();
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
