import "server-only";
import { database, type DbClient } from "../db/client";

// The second factor's rows: the authenticator app, the recovery codes and the sign-in
// challenges. Every "use it once" is one conditional update, whose count says whether this
// caller won: on PostgreSQL a concurrent update of the same row waits for the first and then
// finds its condition false, so of concurrent uses exactly one succeeds.

/** Codes one challenge is tried with at most; then it is void (the password must be entered again). */
export const CHALLENGE_MAX_FAILURES = 5;

export interface TotpRecord {
  secretSealed: string;
  enabledAt: Date | null;
  lastTimeStep: number | null;
}

export const twoFactorRepository = {
  async findTotp(userId: string, db: DbClient = database()): Promise<TotpRecord | null> {
    const row = await db.totpCredential.findUnique({ where: { userId }, select: { secretSealed: true, enabledAt: true, lastTimeStep: true } });
    return row && { ...row, lastTimeStep: row.lastTimeStep === null ? null : Number(row.lastTimeStep) };
  },

  /**
   * A pending secret, replacing a pending one, in one statement (two first enrolments at once
   * cannot both insert). False, changing nothing, when the app is already on.
   */
  async savePendingTotp(userId: string, secretSealed: string, db: DbClient = database()): Promise<boolean> {
    const saved = await db.$queryRaw<Array<{ userId: string }>>`
      INSERT INTO "TotpCredential" ("userId", "secretSealed") VALUES (${userId}, ${secretSealed})
      ON CONFLICT ("userId") DO UPDATE SET "secretSealed" = EXCLUDED."secretSealed", "lastTimeStep" = NULL
      WHERE "TotpCredential"."enabledAt" IS NULL
      RETURNING "userId"`;
    return saved.length === 1;
  },

  /** Turns a pending secret on with the step its first code used. False when it was not pending (on already, or replaced). */
  async enableTotp(userId: string, secretSealed: string, timeStep: number, now: Date, db: DbClient = database()): Promise<boolean> {
    const { count } = await db.totpCredential.updateMany({
      where: { userId, secretSealed, enabledAt: null },
      data: { enabledAt: now, lastTimeStep: BigInt(timeStep) },
    });
    return count === 1;
  },

  /** Records `timeStep` as used, when it is later than the last one: false for a replay, or a lost race for this code. */
  async acceptTimeStep(userId: string, timeStep: number, db: DbClient = database()): Promise<boolean> {
    const step = BigInt(timeStep);
    const { count } = await db.totpCredential.updateMany({
      where: { userId, enabledAt: { not: null }, OR: [{ lastTimeStep: null }, { lastTimeStep: { lt: step } }] },
      data: { lastTimeStep: step },
    });
    return count === 1;
  },

  async removeTotp(userId: string, db: DbClient = database()): Promise<void> {
    await db.totpCredential.deleteMany({ where: { userId } });
  },

  /** A new set of recovery codes; the old set, used or not, is void. */
  async replaceRecoveryCodes(userId: string, digests: string[], db: DbClient = database()): Promise<void> {
    await db.recoveryCode.deleteMany({ where: { userId } });
    await db.recoveryCode.createMany({ data: digests.map((digest) => ({ userId, digest })) });
  },

  async removeRecoveryCodes(userId: string, db: DbClient = database()): Promise<void> {
    await db.recoveryCode.deleteMany({ where: { userId } });
  },

  /** Spends the code with this digest: false when there is none, or it was spent (by a concurrent use too). */
  async spendRecoveryCode(userId: string, digest: string, now: Date, db: DbClient = database()): Promise<boolean> {
    const { count } = await db.recoveryCode.updateMany({ where: { userId, digest, usedAt: null }, data: { usedAt: now } });
    return count === 1;
  },

  countUnusedRecoveryCodes(userId: string, db: DbClient = database()): Promise<number> {
    return db.recoveryCode.count({ where: { userId, usedAt: null } });
  },

  async createChallenge(data: { userId: string; tokenHash: string; credentialVersion: number; expiresAt: Date }, db: DbClient = database()): Promise<void> {
    await db.signInChallenge.create({ data });
  },

  /** The challenge with this digest while it can still be answered: not spent, not expired, not void. */
  findOpenChallenge(tokenHash: string, now: Date, db: DbClient = database()) {
    return db.signInChallenge.findFirst({
      where: { tokenHash, consumedAt: null, expiresAt: { gt: now }, failedAttempts: { lt: CHALLENGE_MAX_FAILURES } },
      select: { id: true, userId: true, credentialVersion: true, failedAttempts: true },
    });
  },

  /**
   * Takes one of an open challenge's tries, before its code is checked: false (changing nothing)
   * when it is spent, expired or out of tries. Concurrent answers each take their own.
   */
  async claimChallengeTry(id: string, now: Date, db: DbClient = database()): Promise<boolean> {
    const { count } = await db.signInChallenge.updateMany({
      where: { id, consumedAt: null, expiresAt: { gt: now }, failedAttempts: { lt: CHALLENGE_MAX_FAILURES } },
      data: { failedAttempts: { increment: 1 } },
    });
    return count === 1;
  },

  /** Spends a challenge whose try was taken: false when another answer spent it first, or it expired. */
  async consumeChallenge(id: string, now: Date, db: DbClient = database()): Promise<boolean> {
    const { count } = await db.signInChallenge.updateMany({ where: { id, consumedAt: null, expiresAt: { gt: now } }, data: { consumedAt: now } });
    return count === 1;
  },

  /** Voids every open challenge of the account (a password change or reset, the factor turned off). */
  async voidChallenges(userId: string, now: Date, db: DbClient = database()): Promise<void> {
    await db.signInChallenge.updateMany({ where: { userId, consumedAt: null }, data: { consumedAt: now } });
  },
};
