import { describe, expect, it, vi } from "vitest";
import { database } from "../db/client";
import { isDatabaseUnavailable, SchemaBehindError } from "../db/errors";
import { migrationNames } from "../db/shipped-migrations";
import { healthRepository } from "../repositories/health-repository";
import { mailJobRepository } from "../repositories/mail-job-repository";
import { checkReadiness, READINESS_KEPT_MS } from "./check-readiness";

// This file's database is its own migrated copy (lib/testing/unit-setup.ts), so it may unrecord
// a migration. The tests run in order: readiness remembers a schema it has seen current.
describe("checkReadiness", () => {
  const newest = migrationNames().at(-1)!;

  it("is not ready while a migration this build ships is not recorded, and says which", async () => {
    const unrecorded = await database().$executeRaw`
      UPDATE "_prisma_migrations" SET finished_at = NULL, rolled_back_at = now() WHERE migration_name = ${newest}`;
    expect(unrecorded).toBe(1);
    const failure = await checkReadiness().then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(SchemaBehindError);
    expect((failure as SchemaBehindError).pending).toEqual([newest]);
    // The route wrapper answers it as it answers an unreachable database: 503 with Retry-After.
    expect(isDatabaseUnavailable(failure)).toBe(true);
  });

  it("becomes ready once it is applied, and from then on one answer serves every poll for a second", async () => {
    await database().$executeRaw`
      UPDATE "_prisma_migrations" SET finished_at = now(), rolled_back_at = NULL WHERE migration_name = ${newest}`;
    const applied = vi.spyOn(healthRepository, "appliedMigrations");
    const outbox = vi.spyOn(mailJobRepository, "stats");
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const polls = await Promise.all([checkReadiness(), checkReadiness()]);
      expect(polls[1]).toEqual({ due: 0, pending: 0, oldestPendingSeconds: null, dead: 0 });
      vi.advanceTimersByTime(READINESS_KEPT_MS - 1);
      await checkReadiness();
      expect(outbox).toHaveBeenCalledTimes(1);
      vi.advanceTimersByTime(1);
      await checkReadiness();
      // Once seen current, the schema is not read again: a poll is one round trip.
      expect(applied).toHaveBeenCalledTimes(1);
      expect(outbox).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
