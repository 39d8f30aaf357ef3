import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openRawConnection, type RawConnection } from "./driver";
import { applyMigrations, readMigrations } from "./migrate";

const open: RawConnection[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((connection) => connection.close()));
});

async function freshDatabase() {
  const connection = await openRawConnection({ kind: "pglite", dataDir: "memory://" });
  open.push(connection);
  return connection;
}

function migrationsDir(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), "migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("applyMigrations", () => {
  it("applies the project's migrations once and records them as Prisma does", async () => {
    const db = await freshDatabase();
    const migrations = readMigrations();
    expect(await applyMigrations(db)).toEqual(migrations.map((migration) => migration.name));
    expect(await applyMigrations(db)).toEqual([]);
    const { rows } = await db.query<{ migration_name: string; checksum: string; applied_steps_count: number }>(
      `SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows).toEqual(migrations.map((m) => ({ migration_name: m.name, checksum: m.checksum, applied_steps_count: 1 })));
    const tables = await db.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    expect(tables.rows.map((row) => row.tablename)).toEqual([
      "ApiKey",
      "EmailChallenge",
      "MailJob",
      "PasswordReset",
      "RecoveryCode",
      "SecurityEvent",
      "Session",
      "SignInChallenge",
      "TotpCredential",
      "User",
      "_prisma_migrations",
    ]);
  });

  it("applies only what is new, in name order", async () => {
    const db = await freshDatabase();
    const first = readMigrations(migrationsDir({ "001_a": "CREATE TABLE a (id int);" }));
    expect(await applyMigrations(db, first)).toEqual(["001_a"]);
    const both = readMigrations(migrationsDir({ "002_b": "CREATE TABLE b (id int);", "001_a": "CREATE TABLE a (id int);" }));
    expect(await applyMigrations(db, both)).toEqual(["002_b"]);
  });

  it("rolls a failing migration back entirely and records nothing", async () => {
    const db = await freshDatabase();
    const broken = readMigrations(migrationsDir({ "001_bad": "CREATE TABLE half (id int); SELECT * FROM missing_table;" }));
    await expect(applyMigrations(db, broken)).rejects.toThrow(/001_bad failed/);
    const { rows } = await db.query(`SELECT 1 FROM pg_tables WHERE tablename = 'half'`);
    expect(rows).toHaveLength(0);
    expect((await db.query(`SELECT 1 FROM "_prisma_migrations"`)).rows).toHaveLength(0);
  });

  it("refuses to go on when an applied migration was edited", async () => {
    const db = await freshDatabase();
    await applyMigrations(db, readMigrations(migrationsDir({ "001_a": "CREATE TABLE a (id int);" })));
    const edited = readMigrations(migrationsDir({ "001_a": "CREATE TABLE a (id bigint);" }));
    await expect(applyMigrations(db, edited)).rejects.toThrow(/edited after it was applied/);
  });
});
