import "server-only";
import { database, type DbClient } from "../db/client";
import type { Prisma } from "../db/generated/client";

/** What the owner may see of a key. Never the hash: the key itself is shown once, at creation. */
export const apiKeySelect = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
} as const satisfies Prisma.ApiKeySelect;

/** What authenticating a key needs: the application it names, and when it was last recorded. */
const applicationSelect = { id: true, name: true, lastUsedAt: true } as const satisfies Prisma.ApiKeySelect;

export type ApiKeyRecord = Prisma.ApiKeyGetPayload<{ select: typeof apiKeySelect }>;
export type ApiKeyApplication = Prisma.ApiKeyGetPayload<{ select: typeof applicationSelect }>;

/** Recording every use would turn each third-party read into a write; once a minute is enough to show. */
const TOUCH_INTERVAL_MS = 60_000;

export const apiKeyRepository = {
  /**
   * Locks the owner's row until the transaction ends, so two concurrent creations count live
   * keys one after the other and the per-user limit holds. False when the account is gone.
   */
  async lockOwner(userId: string, db: DbClient): Promise<boolean> {
    const rows = await db.$queryRaw<unknown[]>`SELECT 1 FROM "User" WHERE "id" = ${userId} FOR NO KEY UPDATE`;
    return rows.length === 1;
  },

  countLive(userId: string, db: DbClient = database()): Promise<number> {
    return db.apiKey.count({ where: { userId, revokedAt: null } });
  },

  create(data: { userId: string; name: string; prefix: string; keyHash: string; createdAt: Date }, db: DbClient = database()): Promise<ApiKeyRecord> {
    return db.apiKey.create({ data, select: apiKeySelect });
  },

  /** Newest first; the id breaks ties between keys created in the same millisecond. */
  listLiveForUser(userId: string): Promise<ApiKeyRecord[]> {
    return database().apiKey.findMany({
      where: { userId, revokedAt: null },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: apiKeySelect,
    });
  },

  /** Revokes one live key, only if it belongs to the user; its name, or null when there was none. */
  async revokeOwned(id: string, userId: string, now: Date, db: DbClient = database()): Promise<{ name: string } | null> {
    const { count } = await db.apiKey.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: now } });
    return count === 1 ? db.apiKey.findUnique({ where: { id }, select: { name: true } }) : null;
  },

  findLiveByHash(keyHash: string): Promise<ApiKeyApplication | null> {
    return database().apiKey.findFirst({ where: { keyHash, revokedAt: null }, select: applicationSelect });
  },

  /**
   * Records a use at most once a minute per key: a key used within the minute costs no write, and
   * of concurrent uses past it one conditional update writes and the others change nothing.
   */
  async touchIfDue(key: ApiKeyApplication, now: Date): Promise<void> {
    const staleBefore = new Date(now.getTime() - TOUCH_INTERVAL_MS);
    if (key.lastUsedAt && key.lastUsedAt >= staleBefore) return;
    await database().apiKey.updateMany({
      where: { id: key.id, revokedAt: null, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
      data: { lastUsedAt: now },
    });
  },
};
