// Where each migration's schema snapshot lives (see prisma/new-migration.ts).
// No "server-only" marker: used by a script and a test.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { MIGRATIONS_DIR, migrationNames } from "./shipped-migrations";

export const SCHEMA_FILE = path.join(process.cwd(), "prisma", "schema.prisma");

/** The schema the newest migration was made from. */
export function latestMigrationSnapshot(): string {
  const latest = migrationNames().at(-1);
  const snapshot = latest && path.join(MIGRATIONS_DIR, latest, "schema.prisma");
  if (!snapshot || !existsSync(snapshot)) throw new Error(`no schema snapshot in the newest migration (${latest})`);
  return snapshot;
}

const EMPTY_MIGRATION = "-- This is an empty migration.";

/**
 * The SQL `prisma migrate diff` gives between two datamodels, or "" when they match. Runs the
 * CLI's WebAssembly engine with an in-memory PGlite: the engine needs an adapter, and a PGlite
 * directory would keep the CLI process alive after it is done.
 */
export function diffDatamodels(from: string, to: string): string {
  const result = spawnSync(
    process.execPath,
    [path.join("node_modules", "prisma", "build", "index.js"), "migrate", "diff", "--from-schema-datamodel", from, "--to-schema-datamodel", to, "--script"],
    { env: { ...process.env, DATABASE_URL: "", PGLITE_DATA_DIR: "memory://" }, encoding: "utf8", timeout: 120_000 },
  );
  if (result.status !== 0) throw new Error(`prisma migrate diff failed:\n${result.stderr}`);
  const sql = result.stdout.trim();
  return sql === EMPTY_MIGRATION ? "" : sql;
}
