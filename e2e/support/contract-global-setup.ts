import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startAppServer, type AppServer } from "./app-server";
import { startMailServer } from "./mailbox";
import { createPgliteDatabase, createPostgresDatabase, type TestDatabase } from "@/lib/testing/databases";

export interface ContractBackend {
  name: string;
  url: string;
  logFile: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    backends: ContractBackend[];
    unreachableDatabaseUrl: string;
    mailDir: string;
    /** A server with both legacy reset settings on (reveal unknown emails, no proof needed). */
    legacyResetUrl: string;
    /** A server whose clock the tests move by writing milliseconds into clockFile. */
    clockServer: { url: string; clockFile: string };
  }
}

/**
 * Starts the production build once per database: always on the embedded PGlite, and also on
 * PostgreSQL when TEST_DATABASE_URL is set (CI sets it). Contract tests run against each.
 * A third server points at a closed port, for the 503 row of the contract.
 */
export default async function setup(project: TestProject) {
  const logDir = mkdtempSync(path.join(tmpdir(), "account-portal-logs-"));
  const mailDir = path.join(logDir, "mail");
  const mailServer = await startMailServer(mailDir);
  const mailEnv = { SMTP_URL: mailServer.url, MAIL_FROM: "Account portal <no-reply@portal.test>" };
  const databases: TestDatabase[] = [await createPgliteDatabase()];
  const postgresUrl = process.env.TEST_DATABASE_URL?.trim();
  if (postgresUrl) databases.push(await createPostgresDatabase(postgresUrl));

  const servers: AppServer[] = [];
  const stopAll = async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await mailServer.stop();
    for (const database of databases) database.dispose();
  };
  try {
    const backends: ContractBackend[] = [];
    for (const database of databases) {
      const server = await startAppServer(database.name, database.target, logDir, mailEnv);
      servers.push(server);
      backends.push({ name: database.name, url: server.url, logFile: server.logFile });
    }
    const unreachable = await startAppServer(
      "unreachable-database",
      { kind: "postgres", url: "postgresql://portal@127.0.0.1:9/unreachable" },
      logDir,
    );
    servers.push(unreachable);
    project.provide("backends", backends);
    project.provide("unreachableDatabaseUrl", unreachable.url);

    const legacyDatabase = await createPgliteDatabase("legacy");
    databases.push(legacyDatabase);
    const legacy = await startAppServer("legacy-reset", legacyDatabase.target, logDir, {
      ...mailEnv,
      PASSWORD_RESET_REVEAL_UNKNOWN_EMAIL: "true",
      PASSWORD_RESET_REQUIRE_PROOF: "false",
    });
    servers.push(legacy);
    project.provide("legacyResetUrl", legacy.url);

    const clockDatabase = await createPgliteDatabase("clock");
    databases.push(clockDatabase);
    const clockFile = path.join(logDir, "clock-offset-ms");
    writeFileSync(clockFile, "0");
    const clocked = await startAppServer("clock", clockDatabase.target, logDir, { ...mailEnv, TEST_CLOCK_FILE: clockFile });
    servers.push(clocked);
    project.provide("clockServer", { url: clocked.url, clockFile });
    project.provide("mailDir", mailDir);
  } catch (error) {
    await stopAll();
    throw error;
  }
  return stopAll;
}
