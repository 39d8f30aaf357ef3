// Applies pending migrations from prisma/migrations, recording them in `_prisma_migrations`
// exactly as `prisma migrate deploy` does, so the Prisma CLI (`migrate status`, `migrate dev`)
// keeps working on the same databases.
// Why not call the CLI: through a driver adapter it never closes the connection, and on PGlite
// the process then hangs after "No pending migrations" (the Emscripten runtime keeps it alive).
// No "server-only" marker: prisma/migrate.ts and the tests load it outside Next.js.
import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { MIGRATIONS_DIR, migrationNames } from "./shipped-migrations";

/** The two calls both drivers offer: PGlite's `query`/`exec` and pg's `Client#query`. */
export interface SqlRunner {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(script: string): Promise<unknown>;
}

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/** The key `prisma migrate` itself locks, so our runner and the CLI never migrate at once. */
const PRISMA_MIGRATE_LOCK_KEY = 72707369;

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;


export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return migrationNames(dir)
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** The start-up log line of a migration run on `where`. */
export function migrationReport(where: string, applied: string[]): string {
  return `[migrate] ${where}: ${applied.length ? `applied ${applied.join(", ")}` : "no pending migrations"}`;
}

/** Applies every migration not yet recorded, each in its own transaction; returns their names. */
export async function applyMigrations(db: SqlRunner, migrations = readMigrations()): Promise<string[]> {
  await db.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
  try {
    await db.exec(CREATE_TABLE);
    const { rows } = await db.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
    );
    const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
    if (failed) {
      throw new Error(
        `Migration ${failed.migration_name} failed earlier and was never resolved; ` +
          `fix the database, then run \`prisma migrate resolve\`.`,
      );
    }
    const applied = new Map(rows.filter((row) => row.finished_at).map((row) => [row.migration_name, row]));
    for (const migration of migrations) {
      const done = applied.get(migration.name);
      if (done && done.checksum !== migration.checksum) {
        throw new Error(`Migration ${migration.name} was edited after it was applied; add a new migration instead.`);
      }
    }

    const pending = migrations.filter((migration) => !applied.has(migration.name));
    for (const migration of pending) {
      await db.exec("BEGIN");
      try {
        await db.exec(migration.sql);
        await db.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await db.exec("COMMIT");
      } catch (error) {
        await db.exec("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
    }
    return pending.map((migration) => migration.name);
  } finally {
    await db.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
  }
}
