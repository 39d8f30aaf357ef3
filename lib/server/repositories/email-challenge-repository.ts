import "server-only";
import { database, type DbClient } from "../db/client";
import type { Prisma } from "../db/generated/client";

export type ChallengePurpose = "verify" | "change" | "revert";

const challengeSelect = {
  id: true,
  userId: true,
  purpose: true,
  email: true,
  codeHash: true,
  createdAt: true,
  expiresAt: true,
  consumedAt: true,
} as const satisfies Prisma.EmailChallengeSelect;

export type ChallengeRecord = Prisma.EmailChallengeGetPayload<{ select: typeof challengeSelect }>;

export const emailChallengeRepository = {
  /** A new challenge replaces the user's unfinished ones of the same purpose: only the newest code works. */
  async replace(
    data: { id: string; userId: string; purpose: ChallengePurpose; email: string; codeHash: string | null; tokenHash: string; cancelTokenHash?: string; expiresAt: Date },
    db: DbClient,
  ): Promise<void> {
    await db.emailChallenge.deleteMany({ where: { userId: data.userId, purpose: data.purpose, consumedAt: null } });
    await db.emailChallenge.create({ data });
  },

  /** A completed change's undo link (no code; several may be open, one per change). */
  async createUndo(data: { id: string; userId: string; email: string; tokenHash: string; expiresAt: Date }, db: DbClient): Promise<void> {
    await db.emailChallenge.create({ data: { ...data, purpose: "revert" } });
  },

  findNewest(userId: string, purpose: ChallengePurpose): Promise<ChallengeRecord | null> {
    return database().emailChallenge.findFirst({ where: { userId, purpose }, orderBy: { createdAt: "desc" }, select: challengeSelect });
  },

  findByTokenHash(tokenHash: string): Promise<ChallengeRecord | null> {
    return database().emailChallenge.findUnique({ where: { tokenHash }, select: challengeSelect });
  },

  findByCancelTokenHash(cancelTokenHash: string): Promise<ChallengeRecord | null> {
    return database().emailChallenge.findUnique({ where: { cancelTokenHash }, select: challengeSelect });
  },

  /**
   * Takes one of the code's `max` tries before it is compared (one conditional update, as for
   * reset codes): concurrent guesses never share a try. False when the code is locked.
   */
  async claimCodeAttempt(id: string, max: number): Promise<boolean> {
    const { count } = await database().emailChallenge.updateMany({
      where: { id, failedAttempts: { lt: max } },
      data: { failedAttempts: { increment: 1 } },
    });
    return count === 1;
  },

  async releaseCodeAttempt(id: string): Promise<void> {
    await database().emailChallenge.updateMany({ where: { id, failedAttempts: { gt: 0 } }, data: { failedAttempts: { decrement: 1 } } });
  },

  /** Uses the challenge up with one conditional update: of concurrent uses exactly one sees true. */
  async consume(id: string, now: Date, db: DbClient): Promise<boolean> {
    const { count } = await db.emailChallenge.updateMany({ where: { id, consumedAt: null, expiresAt: { gt: now } }, data: { consumedAt: now } });
    return count === 1;
  },

  /** The user's oldest open undo link that restores `email`, if any. */
  findOpenUndoTo(userId: string, email: string, now: Date, db: DbClient): Promise<ChallengeRecord | null> {
    return db.emailChallenge.findFirst({
      where: { userId, purpose: "revert", email, consumedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: "asc" },
      select: challengeSelect,
    });
  },

  /**
   * Ends the user's open undo links made at or after `since`. Each later change mailed its link to
   * an address the account held only after that moment: to whoever moved it there, perhaps.
   */
  async discardUndoLinksSince(userId: string, since: Date, db: DbClient): Promise<void> {
    await db.emailChallenge.deleteMany({ where: { userId, purpose: "revert", consumedAt: null, createdAt: { gte: since } } });
  },

  /** Ends every unfinished challenge of the user (of one purpose, or all). */
  async discardOpen(userId: string, purposes: ChallengePurpose[], db: DbClient): Promise<void> {
    await db.emailChallenge.deleteMany({ where: { userId, consumedAt: null, purpose: { in: purposes } } });
  },
};
