import "server-only";
import { database } from "../db/client";

export const healthRepository = {
  /** Migrations recorded as finished and not rolled back; none before the first migration run. */
  async appliedMigrations(): Promise<string[]> {
    const [table] = await database().$queryRaw<{ present: boolean }[]>`
      SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`;
    if (!table?.present) return [];
    const rows = await database().$queryRaw<{ name: string }[]>`
      SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    return rows.map((row) => row.name);
  },
};
