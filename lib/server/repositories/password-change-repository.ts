import "server-only";
import { randomUUID } from "node:crypto";
import { database } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { NewMailJob } from "./mail-job-repository";
import type { SecurityEventInput } from "./security-event-repository";

export interface PasswordChangeWrite {
  /** The credential version the old password was verified at: the change applies only while it is current. */
  user: { id: string; credentialVersion: number };
  newHash: string;
  changedAt: Date;
  /** Revoke every other live session (true), or carry them all over to the new password (false). */
  revokeOtherSessions: boolean;
  /** The caller's own session, which is carried over either way. */
  keepSessionId: string;
  /** The security event's detail beside `revokedSessions`, which the statement counts. */
  event: Pick<SecurityEventInput, "ip" | "userAgent"> & { detail: Record<string, string> };
  mail: NewMailJob;
}

/**
 * A password change's writes as one statement: the hash swap (a compare-and-swap on the
 * credential version the old password was verified at), the sessions revoked or carried over, the
 * end of any pending email change (an intruder who knew the old password may have asked for it, and
 * its link needs no session), the security event and the notice in the mail outbox. Undo links of
 * completed changes stay: they are the old address's way back, which a password change by whoever
 * now holds the account must not close. One statement is atomic without BEGIN/COMMIT,
 * and raw SQL skips Prisma 6's query compiler, which compiled six queries on every change: about 5
 * of the event loop's ~35 ms per change, on the cores bcrypt needs (issue #12).
 *
 * The version, not the hash: every write of a new password raises it, while a sign-in's rehash of
 * the same password (a higher cost) does not, and must not make a right old password fail.
 * Every other part reads the swap's RETURNING, so when a change, reset or deletion got there
 * first (the swap matches no row, on PostgreSQL after waiting for its lock) nothing at all is
 * written and this returns null. A session opened by a sign-in the swap waited for is in none of
 * the statement's snapshots: it is neither revoked nor carried, and keeps the old version, which
 * no session lookup accepts. The revoke and the carry-over touch disjoint rows (other sessions, the
 * caller's), as one statement must. Columns Prisma would fill on the client (ids, `createdAt`,
 * `updatedAt`, `nextAttemptAt`) are filled here the same way, from this process's clock.
 */
export async function writePasswordChange(write: PasswordChangeWrite): Promise<{ changeSequence: number; revokedSessions: number } | null> {
  const { user, newHash, changedAt, revokeOtherSessions, keepSessionId, event, mail } = write;
  const now = new Date();
  const carriedOnly = revokeOtherSessions ? Prisma.sql`AND s."id" = ${keepSessionId}` : Prisma.empty;
  const [row] = await database().$queryRaw<Array<{ changeSequence: number; revokedSessions: number }>>`
    WITH swapped AS (
      UPDATE "User"
      SET "passwordHash" = ${newHash}, "passwordChangedAt" = ${changedAt}, "updatedAt" = ${now},
          "credentialVersion" = "credentialVersion" + 1, "changeSequence" = "changeSequence" + 1
      WHERE "id" = ${user.id} AND "credentialVersion" = ${user.credentialVersion} AND "passwordRevokedAt" IS NULL
      RETURNING "id", "changeSequence", "credentialVersion"
    ), revoked AS (
      UPDATE "Session" s SET "revokedAt" = ${changedAt}
      FROM swapped
      WHERE ${revokeOtherSessions}::boolean AND s."userId" = swapped."id" AND s."revokedAt" IS NULL AND s."id" <> ${keepSessionId}
      RETURNING s."id"
    ), carried AS (
      UPDATE "Session" s SET "credentialVersion" = swapped."credentialVersion"
      FROM swapped
      WHERE s."userId" = swapped."id" AND s."revokedAt" IS NULL AND s."credentialVersion" = ${user.credentialVersion} ${carriedOnly}
      RETURNING s."id"
    ), ended AS (
      DELETE FROM "EmailChallenge" c
      USING swapped
      WHERE c."userId" = swapped."id" AND c."purpose" = 'change' AND c."consumedAt" IS NULL
      RETURNING c."id"
    ), recorded AS (
      INSERT INTO "SecurityEvent" ("id", "userId", "type", "ip", "userAgent", "createdAt", "detail")
      SELECT ${randomUUID()}::text, swapped."id", 'password_changed', ${event.ip}::text, ${event.userAgent}::text, ${now}::timestamp(3),
             jsonb_build_object('revokedSessions', (SELECT count(*)::int FROM revoked)) || ${JSON.stringify(event.detail)}::jsonb
      FROM swapped
      RETURNING "id"
    ), queued AS (
      INSERT INTO "MailJob" ("id", "kind", "recipient", "body", "attempts", "nextAttemptAt", "expiresAt", "createdAt")
      SELECT ${mail.id}::text, ${mail.kind}::text, ${mail.recipient}::text, ${mail.body}::text, 0, ${now}::timestamp(3),
             ${mail.expiresAt ?? null}::timestamp(3), ${now}::timestamp(3)
      FROM swapped
      RETURNING "id"
    )
    SELECT swapped."changeSequence", (SELECT count(*)::int FROM revoked) AS "revokedSessions"
    FROM swapped`;
  return row ?? null;
}
