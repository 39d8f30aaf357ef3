// Claiming outbox jobs on PostgreSQL (TEST_DATABASE_URL; .ci/run sets it), where claims from
// several senders run side by side: PGlite runs one query at a time and would hide a shared job.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useUnitPostgres } from "@/lib/testing/unit-postgres";
import { database } from "../db/client";
import { mailJobRepository } from "./mail-job-repository";

const url = useUnitPostgres();

describe.runIf(url)("claiming outbox jobs on PostgreSQL", () => {
  it("hands each of 200 due jobs to exactly one of eight concurrent claimers", async () => {
    const ids: string[] = Array.from({ length: 200 }, () => randomUUID());
    await database().mailJob.createMany({
      data: ids.map((id) => ({ id, kind: "password_changed", recipient: `${id}@example.com`, body: "sealed", nextAttemptAt: new Date(Date.now() - 1000) })),
    });
    const claimed: string[] = [];
    const claimer = async () => {
      for (;;) {
        const now = new Date();
        const jobs = await mailJobRepository.claimDue(5, now, new Date(now.getTime() + 60_000));
        if (!jobs.length) return;
        claimed.push(...jobs.map((job) => job.id).filter((id) => ids.includes(id)));
      }
    };
    await Promise.all(Array.from({ length: 8 }, claimer));
    expect(claimed).toHaveLength(200);
    expect(new Set(claimed).size).toBe(200);
    const rows = await database().mailJob.findMany({ where: { id: { in: ids } }, select: { attempts: true } });
    expect(rows.every((row) => row.attempts === 1)).toBe(true);
  });
});
