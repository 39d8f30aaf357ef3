import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describeTarget, openRawConnection, type DatabaseTarget } from "@/lib/server/db/driver";
import { applyMigrations } from "@/lib/server/db/migrate";

export interface TestDatabase {
  name: string;
  target: DatabaseTarget;
  /** Removes what the test created (a temporary PGlite directory). */
  dispose(): void;
}

/** A fresh, migrated PGlite database in a temporary directory, owned by whoever opens it next. */
export async function createPgliteDatabase(label = "pglite"): Promise<TestDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "account-portal-test-"));
  const target: DatabaseTarget = { kind: "pglite", dataDir };
  const connection = await openRawConnection(target);
  try {
    await applyMigrations(connection);
  } finally {
    await connection.close();
  }
  return { name: label, target, dispose: () => rmSync(dataDir, { recursive: true, force: true }) };
}

/**
 * The PostgreSQL database named by TEST_DATABASE_URL, emptied and migrated. When the variable is
 * set, an unreachable server is a failure, never a skip: CI sets it to prove the real thing.
 */
export async function createPostgresDatabase(url: string): Promise<TestDatabase> {
  const target: DatabaseTarget = { kind: "postgres", url };
  let connection;
  try {
    connection = await openRawConnection(target);
  } catch (error) {
    throw new Error(`TEST_DATABASE_URL is set but ${describeTarget(target)} is unreachable: ${(error as Error).message}`);
  }
  try {
    await connection.exec("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    await applyMigrations(connection);
  } finally {
    await connection.close();
  }
  return { name: "postgres", target, dispose: () => {} };
}

/**
 * A PostgreSQL database of a suite's own on TEST_DATABASE_URL's server (the contract servers
 * empty and share that one), created afresh and migrated; `drop()` removes it.
 */
export async function createSiblingPostgresDatabase(testUrl: string, suffix: string): Promise<TestDatabase & { drop(): Promise<void> }> {
  const url = new URL(testUrl);
  const name = `${url.pathname.slice(1) || "postgres"}_${suffix}`;
  const onServer = async (sql: string) => {
    const admin = await openRawConnection({ kind: "postgres", url: testUrl });
    try {
      await admin.exec(sql);
    } finally {
      await admin.close();
    }
  };
  await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await onServer(`CREATE DATABASE "${name}"`);
  url.pathname = `/${name}`;
  const database = await createPostgresDatabase(url.toString());
  return { ...database, name: `postgres (${name})`, drop: () => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
