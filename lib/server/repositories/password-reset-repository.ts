import "server-only";
import { database, inTransaction, type DbClient } from "../db/client";
import type { Prisma } from "../db/generated/client";

const resetSelect = {
  id: true,
  userId: true,
  codeHash: true,
  createdAt: true,
  expiresAt: true,
  confirmedAt: true,
  consumedAt: true,
  user: { select: { email: true, name: true, passwordHash: true } },
} as const satisfies Prisma.PasswordResetSelect;

export type ResetRecord = Prisma.PasswordResetGetPayload<{ select: typeof resetSelect }>;

type ClaimedRow = Omit<ResetRecord, "user"> & ResetRecord["user"];

export const passwordResetRepository = {
  /**
   * A new request replaces every unfinished one of the user: only the newest code works. In the
   * caller's transaction when given one (the sender writes the reset and its mail together).
   */
  async replaceForUser(
    data: {
    id: string;
    userId: string;
    codeHash: string;
    tokenHash: string;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
    },
    db?: DbClient,
  ): Promise<void> {
    const replace = async (tx: DbClient) => {
      await tx.passwordReset.deleteMany({ where: { userId: data.userId, consumedAt: null } });
      await tx.passwordReset.create({ data });
    };
    await (db ? replace(db) : inTransaction(replace));
  },

  /** Ends the user's unfinished resets: codes mailed to an address the account no longer has. */
  async discardOpen(userId: string, db: DbClient): Promise<void> {
    await db.passwordReset.deleteMany({ where: { userId, consumedAt: null } });
  },

  findNewestForUser(userId: string): Promise<ResetRecord | null> {
    return database().passwordReset.findFirst({ where: { userId }, orderBy: { createdAt: "desc" }, select: resetSelect });
  },

  findByTokenHash(tokenHash: string): Promise<ResetRecord | null> {
    return database().passwordReset.findUnique({ where: { tokenHash }, select: resetSelect });
  },

  findByProofHash(proofHash: string): Promise<ResetRecord | null> {
    return database().passwordReset.findUnique({ where: { proofHash }, select: resetSelect });
  },

  /**
   * Takes one of the code's `max` tries on the newest reset of the account at `email` before its
   * code is compared, and returns that reset: one conditional update, so concurrent guesses can
   * never share a try. Null when the email has no account, the account no reset, or the reset no
   * try left (the code is locked). One statement in every case, so a wrong code costs a known
   * email the same database work as an unknown one; whether the reset is still usable is the
   * caller's to judge (password-reset-policy.ts), after the try is taken.
   */
  async claimCodeTry(email: string, max: number): Promise<ResetRecord | null> {
    const [row] = await database().$queryRaw<ClaimedRow[]>`
      WITH newest AS (
        SELECT r."id" FROM "PasswordReset" r JOIN "User" u ON u."id" = r."userId"
        WHERE u."email" = ${email}
        ORDER BY r."createdAt" DESC LIMIT 1
      ), claimed AS (
        UPDATE "PasswordReset" r SET "failedAttempts" = r."failedAttempts" + 1
        FROM newest WHERE r."id" = newest."id" AND r."failedAttempts" < ${max}
        RETURNING r."id", r."userId", r."codeHash", r."createdAt", r."expiresAt", r."confirmedAt", r."consumedAt"
      )
      SELECT c.*, u."email", u."name", u."passwordHash" FROM claimed c JOIN "User" u ON u."id" = c."userId"`;
    if (!row) return null;
    const { email: userEmail, name, passwordHash, ...reset } = row;
    return { ...reset, user: { email: userEmail, name, passwordHash } };
  },

  /** Gives back the try a right code took: only wrong codes stay counted. */
  async releaseCodeAttempt(id: string): Promise<void> {
    await database().passwordReset.updateMany({ where: { id, failedAttempts: { gt: 0 } }, data: { failedAttempts: { decrement: 1 } } });
  },

  /** Marks the reset confirmed (keeping the first confirmation time) and binds a new proof to it. */
  async confirm(id: string, proofHash: string, now: Date, firstConfirmedAt: Date | null): Promise<boolean> {
    const { count } = await database().passwordReset.updateMany({
      where: { id, consumedAt: null },
      data: { confirmedAt: firstConfirmedAt ?? now, proofHash },
    });
    return count === 1;
  },

  /**
   * Consumes the reset with one conditional update: of concurrent completions exactly one sees
   * count 1. Only a confirmed reset whose confirmation is newer than `confirmedAfter` qualifies.
   */
  async consume(id: string, confirmedAfter: Date, now: Date, db: DbClient): Promise<boolean> {
    const { count } = await db.passwordReset.updateMany({
      where: { id, consumedAt: null, confirmedAt: { gt: confirmedAfter } },
      data: { consumedAt: now },
    });
    return count === 1;
  },
};
