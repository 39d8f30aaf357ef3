import "server-only";
import { database, type DbClient } from "../db/client";
import { Prisma } from "../db/generated/client";
import { isUniqueViolation } from "../db/errors";

/** What may leave the server about a user. Never includes the password hash. */
export const publicUserSelect = {
  id: true,
  email: true,
  name: true,
  createdAt: true,
  passwordChangedAt: true,
  emailVerifiedAt: true,
} as const satisfies Prisma.UserSelect;

/**
 * For password checks only; the hash never leaves the service that asked for it. The credential
 * version read with the hash is what a session opened on that hash is bound to.
 */
const credentialsSelect = { ...publicUserSelect, passwordHash: true, credentialVersion: true, passwordRevokedAt: true } as const satisfies Prisma.UserSelect;

export type PublicUser = Prisma.UserGetPayload<{ select: typeof publicUserSelect }>;
export type UserWithCredentials = Prisma.UserGetPayload<{ select: typeof credentialsSelect }>;

export class EmailTakenError extends Error {}

/**
 * The columns of credentialsSelect, as raw SQL: every sign-in and password change reads them,
 * and Prisma 6 compiles a `findUnique` on every call, on the event loop bcrypt's threads share
 * the cores with (issue #12).
 */
async function findCredentials(match: Prisma.Sql): Promise<UserWithCredentials | null> {
  const [row] = await database().$queryRaw<UserWithCredentials[]>`
    SELECT "id", "email", "name", "createdAt", "passwordChangedAt", "emailVerifiedAt", "passwordHash", "credentialVersion", "passwordRevokedAt"
    FROM "User" WHERE ${match}`;
  return row ?? null;
}

export const userRepository = {
  findCredentialsByEmail(email: string): Promise<UserWithCredentials | null> {
    return findCredentials(Prisma.sql`"email" = ${email}`);
  },

  findCredentialsById(id: string): Promise<UserWithCredentials | null> {
    return findCredentials(Prisma.sql`"id" = ${id}`);
  },

  async create(data: { email: string; name?: string; passwordHash: string }, db: DbClient = database()): Promise<PublicUser> {
    try {
      return await db.user.create({ data, select: publicUserSelect });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new EmailTakenError();
      }
      throw error;
    }
  },

  /** Sets a new password unconditionally (a completed reset proves the right to); ends every session. */
  async setPasswordHash(id: string, newHash: string, changedAt: Date, db: DbClient = database()): Promise<void> {
    await db.user.update({
      where: { id },
      data: {
        passwordHash: newHash,
        passwordChangedAt: changedAt,
        passwordRevokedAt: null,
        credentialVersion: { increment: 1 },
        changeSequence: { increment: 1 },
      },
    });
  },

  /**
   * Ends the current password without writing a new one (an email change's undo or cancel): it
   * stays stored, so a reset can still refuse it as SAME_PASSWORD, but no check accepts it. The
   * version goes up, so a change or deletion verified against it before this commits applies nothing.
   */
  async revokePassword(id: string, now: Date, db: DbClient): Promise<void> {
    await db.user.update({
      where: { id },
      data: { passwordRevokedAt: now, credentialVersion: { increment: 1 }, changeSequence: { increment: 1 } },
    });
  },

  /**
   * Replaces the hash only if it is still the one that was verified (a rehash must not undo a
   * change). The same password at a higher cost: the credential version stays.
   */
  async upgradeHash(id: string, verifiedHash: string, newHash: string): Promise<void> {
    await database().user.updateMany({ where: { id, passwordHash: verifiedHash }, data: { passwordHash: newHash } });
  },

  /**
   * Takes the account row's lock for the rest of the transaction. Email changes and their undo
   * take it before their challenge, as a password change (one statement: the row, then the
   * challenges it ends) does: one lock order, no deadlock on PostgreSQL.
   */
  async lockForUpdate(id: string, db: DbClient): Promise<void> {
    await db.$queryRaw`SELECT 1 FROM "User" WHERE "id" = ${id} FOR UPDATE`;
  },

  /**
   * The same lock, only while the account still has `email`: false when a change or undo moved it
   * away first (a reset code must not go to an address the account has left).
   */
  async lockIfEmail(id: string, email: string, db: DbClient): Promise<boolean> {
    const rows = await db.$queryRaw<unknown[]>`SELECT 1 FROM "User" WHERE "id" = ${id} AND "email" = ${email} FOR UPDATE`;
    return rows.length === 1;
  },

  /** Marks the address proven, only while it is still the account's address. */
  async markEmailVerified(id: string, email: string, now: Date, db: DbClient): Promise<boolean> {
    const { count } = await db.user.updateMany({ where: { id, email }, data: { emailVerifiedAt: now } });
    return count === 1;
  },

  /**
   * Moves the account to `to` (proven by the change or undo that calls this), only if its address
   * is still `from`. Throws EmailTakenError when another account holds `to`: the unique index
   * decides, so two accounts can never end up with one address.
   */
  async changeEmail(id: string, from: string, to: string, now: Date, db: DbClient): Promise<boolean> {
    try {
      const { count } = await db.user.updateMany({
        where: { id, email: from },
        data: { email: to, emailVerifiedAt: now, changeSequence: { increment: 1 } },
      });
      return count === 1;
    } catch (error) {
      if (isUniqueViolation(error)) throw new EmailTakenError();
      throw error;
    }
  },

  /** Whether an account holds this address (the email change tells the address, never the caller). */
  async emailInUse(email: string, db: DbClient = database()): Promise<boolean> {
    return (await db.user.count({ where: { email } })) > 0;
  },

  /**
   * Deletes the account only if its credential version is still the one its password was verified
   * at: a password change or reset that commits first makes this delete nothing (and the deletion
   * fails); a sign-in's rehash of the same password does not.
   * Sessions, API keys, resets, challenges and security events go with it (ON DELETE CASCADE).
   */
  async deleteIfCredentialsCurrent(user: { id: string; credentialVersion: number }, db: DbClient): Promise<boolean> {
    const { count } = await db.user.deleteMany({ where: { id: user.id, credentialVersion: user.credentialVersion } });
    return count === 1;
  },
};
