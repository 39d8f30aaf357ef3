import "server-only";
import { database, type DbClient } from "../db/client";
import type { Prisma, SessionKind } from "../db/generated/client";
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

const sessionWithUserSelect = { ...sessionSelect, user: { select: publicUserSelect } } as const;

export type SessionRecord = Prisma.SessionGetPayload<{ select: typeof sessionSelect }>;
export type SessionWithUser = Prisma.SessionGetPayload<{ select: typeof sessionWithUserSelect }>;

const active = (now: Date) => ({ revokedAt: null, expiresAt: { gt: now } }) satisfies Prisma.SessionWhereInput;

export const sessionRepository = {
  create(data: {
    userId: string;
    kind: SessionKind;
    tokenHash?: string;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  }): Promise<SessionRecord> {
    return database().session.create({ data, select: sessionSelect });
  },

  findActiveById(id: string, now: Date): Promise<SessionWithUser | null> {
    return database().session.findFirst({ where: { id, ...active(now) }, select: sessionWithUserSelect });
  },

  findActiveByTokenHash(tokenHash: string, now: Date): Promise<SessionWithUser | null> {
    return database().session.findFirst({ where: { tokenHash, ...active(now) }, select: sessionWithUserSelect });
  },

  /** Swaps the token only if it is still the presented one: of two concurrent rotations one wins. */
  async rotateToken(id: string, oldHash: string, newHash: string, expiresAt: Date, now: Date): Promise<boolean> {
    const { count } = await database().session.updateMany({
      where: { id, tokenHash: oldHash, ...active(now) },
      data: { tokenHash: newHash, expiresAt, lastSeenAt: now },
    });
    return count === 1;
  },

  /** Records activity at most once a minute per session, to keep reads from becoming writes. */
  async touch(id: string, now: Date): Promise<void> {
    await database().session.updateMany({
      where: { id, lastSeenAt: { lt: new Date(now.getTime() - 60_000) } },
      data: { lastSeenAt: now },
    });
  },

  listActiveForUser(userId: string, now: Date): Promise<SessionRecord[]> {
    return database().session.findMany({
      where: { userId, ...active(now) },
      orderBy: { lastSeenAt: "desc" },
      select: sessionSelect,
    });
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
