// npm run db:migration -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql with
// the SQL that takes the database from the last migration's schema to prisma/schema.prisma.
//
// Each migration keeps a copy of the schema it was made from (schema.prisma beside its SQL), so
// the diff is datamodel to datamodel and needs no database. `prisma migrate dev` cannot do this
// offline here: on PGlite its shadow database runs multi-statement scripts as prepared
// statements (pglite-prisma-adapter 0.6.1), and a native engine cannot be downloaded.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { diffDatamodels, latestMigrationSnapshot, SCHEMA_FILE } from "../lib/server/db/migration-snapshots";
import { MIGRATIONS_DIR } from "../lib/server/db/shipped-migrations";

function main() {
  const name = process.argv[2]?.trim();
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("usage: npm run db:migration -- <name in snake_case>");
    process.exit(2);
  }
  const sql = diffDatamodels(latestMigrationSnapshot(), SCHEMA_FILE);
  if (!sql) {
    console.log("[db:migration] prisma/schema.prisma has no changes since the last migration");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  mkdirSync(dir);
  writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
  copyFileSync(SCHEMA_FILE, path.join(dir, "schema.prisma"));
  console.log(`[db:migration] wrote ${path.relative(process.cwd(), dir)}/migration.sql; review it, then commit both files`);
}

main();
