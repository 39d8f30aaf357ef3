import "server-only";
import { database, type DbClient } from "../db/client";
import { Prisma } from "../db/generated/client";

export interface NewMailJob {
  id: string;
  kind: string;
  recipient: string;
  /** Sealed (lib/server/security/sealed.ts). */
  body: string;
  expiresAt?: Date | null;
}

export interface ClaimedJob {
  id: string;
  kind: string;
  recipient: string;
  body: string | null;
  /** Including the attempt this claim starts. */
  attempts: number;
  expiresAt: Date | null;
}

export interface OutboxStats {
  /** Unsent jobs whose time has come. */
  due: number;
  /** Unsent jobs, due or waiting for a retry. */
  pending: number;
  /** Seconds since the oldest unsent job was written; null when none is. */
  oldestPendingSeconds: number | null;
  dead: number;
}

const SENT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

// Times come from this process's clock (never the test clock): Prisma fills createdAt the same way.
export const mailJobRepository = {
  /** In the caller's transaction: the job exists exactly when the change that causes it does. */
  async add(job: NewMailJob, db: DbClient): Promise<void> {
    await db.mailJob.create({ data: job });
  },

  /**
   * Claims up to `limit` due jobs and counts the attempt. The claim is the new nextAttemptAt
   * (`leaseUntil`, past the send's time limit): other senders skip the job until then, and a
   * sender that dies mid-send leaves it due again at that time. FOR UPDATE SKIP LOCKED lets
   * senders of several instances claim side by side without waiting on or sharing a row.
   */
  claimDue(limit: number, now: Date, leaseUntil: Date): Promise<ClaimedJob[]> {
    return database().$queryRaw<ClaimedJob[]>`
      UPDATE "MailJob" SET "attempts" = "attempts" + 1, "nextAttemptAt" = ${leaseUntil}
      WHERE "id" IN (
        SELECT "id" FROM "MailJob"
        WHERE "sentAt" IS NULL AND "deadAt" IS NULL AND "nextAttemptAt" <= ${now}
        ORDER BY "nextAttemptAt"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING "id", "kind", "recipient", "body", "attempts", "expiresAt"`;
  },

  /** SMTP accepted it: the body (codes, tokens) goes, the row stays as a record for a week. */
  async markSent(id: string, now: Date): Promise<void> {
    // One statement: Prisma sends updateMany as three (BEGIN, UPDATE, COMMIT), once per mail.
    await database().$executeRaw`UPDATE "MailJob" SET "sentAt" = ${now}, "body" = NULL, "lastError" = NULL WHERE "id" = ${id} AND "sentAt" IS NULL`;
  },

  /**
   * A failed attempt. Only the claim that made it may record it (`attempts` unchanged since), so
   * a late failure never overwrites a later claim's outcome.
   */
  async markFailed(id: string, attempts: number, error: string, nextAttemptAt: Date): Promise<void> {
    await database().mailJob.updateMany({ where: { id, attempts, sentAt: null }, data: { lastError: error, nextAttemptAt } });
  },

  /** Given up: the body goes too. True when this call did it (so it is logged once). */
  async markDead(id: string, attempts: number, error: string, now: Date): Promise<boolean> {
    const { count } = await database().mailJob.updateMany({
      where: { id, attempts, sentAt: null, deadAt: null },
      data: { lastError: error, deadAt: now, body: null },
    });
    return count === 1;
  },

  /**
   * Turns a claimed forgot-password request into the mail it causes, due at once, in the caller's
   * transaction; false when the claim is no longer this sender's (the transaction must roll back).
   */
  async becomeMail(claim: { id: string; attempts: number }, mail: { kind: string; body: string; expiresAt: Date }, db: DbClient): Promise<boolean> {
    const { count } = await db.mailJob.updateMany({
      where: { id: claim.id, attempts: claim.attempts, sentAt: null },
      data: { ...mail, attempts: 0, nextAttemptAt: new Date(), lastError: null },
    });
    return count === 1;
  },

  /** A forgot-password request for an email without an account: nothing to send, nothing kept. */
  /** Drops mail not yet sent to an address (an account being deleted: its reset codes, its requests). */
  async discardUnsentTo(recipient: string, db: DbClient): Promise<void> {
    await db.mailJob.deleteMany({ where: { recipient, sentAt: null } });
  },

  async remove(id: string): Promise<void> {
    await database().mailJob.deleteMany({ where: { id } });
  },

  /**
   * When the next unsent job falls due, so an idle sender sleeps until then. Raw SQL: the sender
   * asks after every mail it sends, and Prisma 6 would compile the query each time (issue #12).
   */
  async nextDueAt(): Promise<Date | null> {
    const [next] = await database().$queryRaw<{ nextAttemptAt: Date }[]>`
      SELECT "nextAttemptAt" FROM "MailJob" WHERE "sentAt" IS NULL AND "deadAt" IS NULL ORDER BY "nextAttemptAt" LIMIT 1`;
    return next?.nextAttemptAt ?? null;
  },

  /** One round trip over the unsent part of the table (the index's leading column), `excludedKinds` left out. */
  async stats(now: Date, excludedKinds: [string, ...string[]]): Promise<OutboxStats> {
    const [row] = await database().$queryRaw<{ due: number; pending: number; oldest: Date | null; dead: number }[]>`
      SELECT
        count(*) FILTER (WHERE "deadAt" IS NULL AND "nextAttemptAt" <= ${now})::int AS due,
        count(*) FILTER (WHERE "deadAt" IS NULL)::int AS pending,
        min("createdAt") FILTER (WHERE "deadAt" IS NULL) AS oldest,
        count(*) FILTER (WHERE "deadAt" IS NOT NULL)::int AS dead
      FROM "MailJob" WHERE "sentAt" IS NULL AND kind NOT IN (${Prisma.join(excludedKinds)})`;
    const oldest = row?.oldest ? new Date(row.oldest) : null;
    return {
      due: Number(row?.due ?? 0),
      pending: Number(row?.pending ?? 0),
      oldestPendingSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : null,
      dead: Number(row?.dead ?? 0),
    };
  },

  /** Sent jobs are kept a week (what was sent to whom, when), then deleted. */
  async pruneSent(now: Date): Promise<number> {
    const { count } = await database().mailJob.deleteMany({ where: { sentAt: { lt: new Date(now.getTime() - SENT_RETENTION_MS) } } });
    return count;
  },
};
