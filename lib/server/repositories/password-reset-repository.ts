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
   * Takes one of the code's `max` tries before the code is compared: one conditional update, so
   * concurrent guesses can never share a try. False when none is left (the code is locked).
   */
  async claimCodeAttempt(id: string, max: number): Promise<boolean> {
    const { count } = await database().passwordReset.updateMany({
      where: { id, failedAttempts: { lt: max } },
      data: { failedAttempts: { increment: 1 } },
    });
    return count === 1;
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
