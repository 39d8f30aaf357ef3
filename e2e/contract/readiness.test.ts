import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openRawConnection, type DatabaseTarget } from "@/lib/server/db/driver";
import { applyMigrations, readMigrations } from "@/lib/server/db/migrate";
import { itWhere } from "@/lib/testing/it-where";
import { startAppServer, type AppServer } from "../support/app-server";
import { apiClient } from "./client";

const logDir = mkdtempSync(path.join(tmpdir(), "account-portal-readiness-"));
const servers: AppServer[] = [];
const dropDatabases: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  for (const drop of dropDatabases) await drop();
  rmSync(logDir, { recursive: true, force: true });
});

/** Applies every migration this build ships but the newest: a database one deploy behind. */
async function migrateAllButNewest(target: DatabaseTarget) {
  const connection = await openRawConnection(target);
  try {
    if (target.kind === "postgres") await connection.exec("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    await applyMigrations(connection, readMigrations().slice(0, -1));
  } finally {
    await connection.close();
  }
}

async function applyRemainingMigrations(target: DatabaseTarget) {
  const connection = await openRawConnection(target);
  try {
    return await applyMigrations(connection);
  } finally {
    await connection.close();
  }
}

/** Runs `sql` on TEST_DATABASE_URL's server, through that database. */
async function onServer(testUrl: string, sql: string) {
  const admin = await openRawConnection({ kind: "postgres", url: testUrl });
  try {
    await admin.exec(sql);
  } finally {
    await admin.close();
  }
}

/**
 * A PostgreSQL database of this suite's own beside TEST_DATABASE_URL's (the contract servers use
 * that one), created afresh and dropped when the suite ends.
 */
async function siblingPostgresDatabase(testUrl: string): Promise<DatabaseTarget> {
  const url = new URL(testUrl);
  const name = `${url.pathname.slice(1) || "postgres"}_readiness`;
  await onServer(testUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await onServer(testUrl, `CREATE DATABASE "${name}"`);
  dropDatabases.push(() => onServer(testUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  url.pathname = `/${name}`;
  return { kind: "postgres", url: url.toString() };
}

const postgresUrl = process.env.TEST_DATABASE_URL?.trim();

const targets: { name: string; target: () => Promise<DatabaseTarget> }[] = [
  { name: "pglite", target: async () => ({ kind: "pglite", dataDir: mkdtempSync(path.join(logDir, "pglite-")) }) },
  ...(postgresUrl ? [{ name: "postgres", target: () => siblingPostgresDatabase(postgresUrl) }] : []),
];

describe.each(targets)("readiness on $name when the database lacks a migration this build ships", ({ name, target: makeTarget }) => {
  let target: DatabaseTarget;
  let server: AppServer;

  it("stays live but answers 503 SERVICE_UNAVAILABLE with Retry-After", async () => {
    target = await makeTarget();
    await migrateAllButNewest(target);
    server = await startAppServer(`behind-${name}`, target, logDir);
    servers.push(server);
    const api = apiClient(server.url);
    expect((await api.request("GET", "/api/health")).status).toBe(200);
    for (let poll = 0; poll < 2; poll++) {
      const ready = await api.request("GET", "/api/health/ready");
      expect(ready.status).toBe(503);
      expect(ready.headers.get("retry-after")).toBe("5");
      expect(ready.body).toMatchObject({ code: "SERVICE_UNAVAILABLE", message: "Service temporarily unavailable" });
    }
  }, 120_000);

  // Another process (the next deploy's migration step) brings the schema up to date: the same
  // server becomes ready without a restart. PGlite belongs to the server process alone.
  itWhere(name === "postgres")("becomes ready once the missing migration is applied", async () => {
    expect(await applyRemainingMigrations(target)).toEqual([readMigrations().at(-1)!.name]);
    const ready = await apiClient(server.url).request("GET", "/api/health/ready");
    expect({ status: ready.status, body: ready.body }).toMatchObject({ status: 200, body: { message: "Ready", mail: { dead: 0 } } });
  });
});
