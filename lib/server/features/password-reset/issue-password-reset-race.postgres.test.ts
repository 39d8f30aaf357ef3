// The sender issuing a reset code while the account's address moves, on PostgreSQL
// (TEST_DATABASE_URL; .ci/run sets it). The sender looks the email up before its transaction; an
// email change or undo that commits in between must win, or the code goes to an address the
// account has left (perhaps an intruder's, perhaps the owner's the intruder moved it from).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { rowLockRace } from "@/lib/testing/row-lock-race";
import { useUnitPostgres } from "@/lib/testing/unit-postgres";
import { database } from "../../db/client";
import { queueResetRequest } from "../../mail/outbox";
import type { ClaimedJob } from "../../repositories/mail-job-repository";
import { issuePasswordReset } from "./issue-password-reset";
import { registerAccount } from "../sign-in";

const url = useUnitPostgres();
const client = { ip: "198.51.100.9", userAgent: "vitest" };

/** An account and a forgot-password request for its address, as the sender claims it. */
async function requested(): Promise<{ user: { id: string; email: string }; job: ClaimedJob }> {
  const user = await registerAccount({ email: `moving-${randomUUID()}@example.com`, password: "lantern-orchid-velvet" }, client);
  await queueResetRequest({ email: user.email, ...client }, database());
  const row = await database().mailJob.findFirstOrThrow({ where: { recipient: user.email, kind: "reset_request" } });
  return { user, job: { id: row.id, kind: row.kind, recipient: row.recipient, body: row.body, attempts: row.attempts } as ClaimedJob };
}

describe.runIf(url)("issuing a reset code while the address moves, on PostgreSQL", () => {
  const lock = rowLockRace(url);
  const mailTo = (recipient: string) => database().mailJob.findMany({ where: { recipient }, select: { kind: true } });

  it("sends nothing, and keeps no reset, when the address moved after the sender looked it up", async () => {
    const { user, job } = await requested();
    const moved = `elsewhere-${randomUUID()}@example.com`;
    const outcome = await lock.race(
      () => lock.other().query(`UPDATE "User" SET "email" = $1 WHERE "id" = $2`, [moved, user.id]),
      () => issuePasswordReset(job),
      "%",
    );

    expect(outcome).toEqual({ value: undefined });
    expect(await database().passwordReset.count({ where: { userId: user.id } })).toBe(0);
    expect((await mailTo(user.email)).map((job) => job.kind)).not.toContain("reset_code");
    expect(await database().mailJob.count({ where: { id: job.id } })).toBe(0);
    expect(await mailTo(moved)).toEqual([]);
  });

  it("issues the code when the same row was held by a write that left the address alone", async () => {
    const { user, job } = await requested();
    const outcome = await lock.race(
      () => lock.other().query(`UPDATE "User" SET "name" = 'Renamed' WHERE "id" = $1`, [user.id]),
      () => issuePasswordReset(job),
      "%",
    );

    expect(outcome).toEqual({ value: undefined });
    expect(await database().passwordReset.count({ where: { userId: user.id } })).toBe(1);
    expect((await mailTo(user.email)).map((job) => job.kind)).toContain("reset_code");
  });
});
