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
