import { describe, expect, it } from "vitest";
import { diffDatamodels, latestMigrationSnapshot, SCHEMA_FILE } from "./migration-snapshots";

describe("migration history", () => {
  it("covers every change in prisma/schema.prisma (run `npm run db:migration -- <name>` if not)", () => {
    expect(diffDatamodels(latestMigrationSnapshot(), SCHEMA_FILE)).toBe("");
  }, 120_000);
});
