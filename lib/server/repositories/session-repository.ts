import "server-only";
import { database, inTransaction, type DbClient } from "../db/client";
import { Prisma, type SessionKind } from "../db/generated/client";
import { publicUserSelect } from "./user-repository";

export const sessionSelect = {
  id: true,
  kind: true,
  createdAt: true,
  lastSeenAt: true,
  expiresAt: true,
  ip: true,
  userAgent: true,
} as const satisfies Prisma.SessionSelect;

/** The versions a session must agree on to count (see `current`). */
const versionsSelect = { credentialVersion: true, user: { select: { credentialVersion: true } } } as const;
const sessionWithUserSelect = { ...sessionSelect, credentialVersion: true, user: { select: { ...publicUserSelect, credentialVersion: true } } } as const;

export type SessionRecord = Prisma.SessionGetPayload<{ select: typeof sessionSelect }>;
export type SessionWithUser = Prisma.SessionGetPayload<{ select: typeof sessionWithUserSelect }>;

const active = (now: Date) => ({ revokedAt: null, expiresAt: { gt: now } }) satisfies Prisma.SessionWhereInput;

/**
 * A session counts only while it carries the account's credential version: one opened on a
 * password that has since been changed or reset is dead, even if it slipped past the revocation.
 */
const current = <S extends Prisma.SessionGetPayload<{ select: typeof versionsSelect }>>(session: S | null): S | null =>
  session && session.credentialVersion === session.user.credentialVersion ? session : null;

const TOUCH_INTERVAL_MS = 60_000;

interface LiveSessionRow {
  id: string;
  kind: SessionKind;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
  credentialVersion: number;
  userId: string;
  email: string;
  name: string | null;
  userCreatedAt: Date;
  passwordChangedAt: Date | null;
  emailVerifiedAt: Date | null;
}

/**
 * The session behind every authenticated request, with its account, as one statement: Prisma's
 * `findFirst` with the user sends two and compiles both on every call, on the event loop that
 * bcrypt's threads share the cores with (issue #12). The same columns as sessionWithUserSelect
 * (no hash), and the same rule as `current`: the session counts only while its credential
 * version is the account's.
 */
async function findLiveSession(match: Prisma.Sql, now: Date): Promise<SessionWithUser | null> {
  const [row] = await database().$queryRaw<LiveSessionRow[]>`
    SELECT s."id", s."kind"::text AS "kind", s."createdAt", s."lastSeenAt", s."expiresAt", s."ip", s."userAgent",
           s."credentialVersion", u."id" AS "userId", u."email", u."name", u."createdAt" AS "userCreatedAt",
           u."passwordChangedAt", u."emailVerifiedAt"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE ${match} AND s."revokedAt" IS NULL AND s."expiresAt" > ${now} AND s."credentialVersion" = u."credentialVersion"`;
  if (!row) return null;
  const { userId, email, name, userCreatedAt, passwordChangedAt, emailVerifiedAt, ...session } = row;
  return {
    ...session,
    user: { id: userId, email, name, createdAt: userCreatedAt, passwordChangedAt, emailVerifiedAt, credentialVersion: session.credentialVersion },
  };
}

export const sessionRepository = {
  /**
   * Opens a session bound to the credential version the sign-in verified, only if the account
   * still has it: the account row is share-locked first, so a password change either commits
   * before (and this returns null) or waits until the session exists and then raises the version
   * past it. Such a session is not marked revoked (the change's statement did not see it); it is
   * dead because every lookup compares its version with the account's.
   */
  createIfCredentialsCurrent(data: {
    userId: string;
    kind: SessionKind;
    tokenHash?: string;
    expiresAt: Date;
    credentialVersion: number;
    ip: string | null;
    userAgent: string | null;
  }): Promise<SessionRecord | null> {
    return inTransaction(async (tx) => {
      const still = await tx.$queryRaw<unknown[]>`
        SELECT 1 FROM "User" WHERE "id" = ${data.userId} AND "credentialVersion" = ${data.credentialVersion} FOR SHARE`;
      if (still.length === 0) return null;
      return tx.session.create({ data, select: sessionSelect });
    });
  },

  findActiveById(id: string, now: Date): Promise<SessionWithUser | null> {
    return findLiveSession(Prisma.sql`s."id" = ${id}`, now);
  },

  findActiveByTokenHash(tokenHash: string, now: Date): Promise<SessionWithUser | null> {
    return findLiveSession(Prisma.sql`s."tokenHash" = ${tokenHash}`, now);
  },

  /** Swaps the token only if it is still the presented one: of two concurrent rotations one wins. */
  async rotateToken(id: string, oldHash: string, newHash: string, expiresAt: Date, now: Date): Promise<boolean> {
    const { count } = await database().session.updateMany({
      where: { id, tokenHash: oldHash, ...active(now) },
      data: { tokenHash: newHash, expiresAt, lastSeenAt: now },
    });
    return count === 1;
  },

  /**
   * Records activity at most once a minute per session, to keep reads from becoming writes: the
   * row just read says when it was last written, so most calls send no statement at all (a
   * write is three: Prisma wraps an updateMany in BEGIN … COMMIT). The condition
   * stays in the UPDATE for concurrent requests that read the same old time.
   */
  async touch(session: Pick<SessionRecord, "id" | "lastSeenAt">, now: Date): Promise<void> {
    const due = new Date(now.getTime() - TOUCH_INTERVAL_MS);
    if (session.lastSeenAt && session.lastSeenAt >= due) return;
    await database().session.updateMany({ where: { id: session.id, lastSeenAt: { lt: due } }, data: { lastSeenAt: now } });
  },

  async listActiveForUser(userId: string, now: Date): Promise<SessionRecord[]> {
    const sessions = await database().session.findMany({
      where: { userId, ...active(now) },
      orderBy: { lastSeenAt: "desc" },
      select: { ...sessionSelect, ...versionsSelect },
    });
    return sessions.filter((session) => current(session)).map(({ credentialVersion: _version, user: _user, ...session }) => session);
  },

  /** Revokes every live session of the user but `keepSessionId`; returns how many. */
  async revokeAllForUser(userId: string, keepSessionId: string | null, now: Date, db: DbClient = database()): Promise<number> {
    const { count } = await db.session.updateMany({
      where: { userId, revokedAt: null, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
      data: { revokedAt: now },
    });
    return count;
  },

  /** Revokes one session, only if it belongs to the user. */
  async revokeOwned(id: string, userId: string, now: Date): Promise<boolean> {
    const { count } = await database().session.updateMany({ where: { id, userId, ...active(now) }, data: { revokedAt: now } });
    return count === 1;
  },

  async revoke(id: string, now: Date): Promise<boolean> {
    const { count } = await database().session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
    return count === 1;
  },
};
