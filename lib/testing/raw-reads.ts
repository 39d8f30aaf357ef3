// The hot reads written as raw SQL (issue #12) must return what Prisma's own queries would: the
// same keys, the same values, the same types (Dates stay Dates), or callers break silently. A suite
// one test file runs per database: lib/server/repositories/raw-reads.test.ts on PGlite,
// raw-reads.postgres.test.ts on PostgreSQL; each driver hands Prisma its own text for a timestamp.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { database, type DbClient } from "@/lib/server/db/client";
import { userRepository } from "@/lib/server/repositories/user-repository";
import { mailJobRepository } from "@/lib/server/repositories/mail-job-repository";
import { sessionRepository } from "@/lib/server/repositories/session-repository";

async function account() {
  const user = await database().user.create({
    data: { email: `raw-${randomUUID()}@example.com`, name: "Raw Reads", passwordHash: "$2b$04$notarealhashnotarealhashnotarealhashnotarealhashnot", emailVerifiedAt: new Date("2026-01-02T03:04:05.678Z"), passwordRevokedAt: new Date("2026-01-03T04:05:06.789Z") },
  });
  const tokenHash = randomUUID();
  const session = await database().session.create({
    data: { userId: user.id, kind: "api", tokenHash, expiresAt: new Date(Date.now() + 60_000), ip: "198.51.100.7", userAgent: "vitest" },
  });
  return { user, session, tokenHash };
}

/**
 * A zone far from UTC, with a half hour, for the test process: the columns hold UTC, and a raw
 * read whose timestamps were parsed in the server's local time (as pglite-prisma-adapter's once
 * were) is then 5.5 hours off. Set before the first Date is made; each test file is its own process.
 */
export const FAR_FROM_UTC = "Asia/Kolkata";

export function describeRawReads(backend: string) {
  describe(`raw reads on ${backend}, TZ=${process.env.TZ}`, () => {
    it("runs in a time zone far from UTC", () => {
      expect(new Date("2026-03-03T12:34:56.789Z").getTimezoneOffset()).toBe(-330);
    });

    it("findCredentialsById and findCredentialsByEmail return Prisma's findUnique with the credentials select", async () => {
      const { user } = await account();
      const expected = await database().user.findUniqueOrThrow({
        where: { id: user.id },
        select: { id: true, email: true, name: true, createdAt: true, passwordChangedAt: true, emailVerifiedAt: true, passwordHash: true, credentialVersion: true, passwordRevokedAt: true },
      });
      expect(expected.emailVerifiedAt).toStrictEqual(new Date("2026-01-02T03:04:05.678Z"));
      expect(expected.passwordRevokedAt).toStrictEqual(new Date("2026-01-03T04:05:06.789Z"));
      expect(await userRepository.findCredentialsById(user.id)).toStrictEqual(expected);
      expect(await userRepository.findCredentialsByEmail(user.email)).toStrictEqual(expected);
      expect(await userRepository.findCredentialsById(randomUUID())).toBeNull();
    });

    it("findActiveByTokenHash returns Prisma's session-with-user select, and nothing once the version moved on", async () => {
      const { user, session, tokenHash } = await account();
      const expected = await database().session.findUniqueOrThrow({
        where: { id: session.id },
        select: {
          id: true, kind: true, createdAt: true, lastSeenAt: true, expiresAt: true, ip: true, userAgent: true, credentialVersion: true,
          user: { select: { id: true, email: true, name: true, createdAt: true, passwordChangedAt: true, emailVerifiedAt: true, credentialVersion: true } },
        },
      });
      expect(await sessionRepository.findActiveByTokenHash(tokenHash, new Date())).toStrictEqual(expected);

      await database().user.update({ where: { id: user.id }, data: { credentialVersion: { increment: 1 } } });
      expect(await sessionRepository.findActiveByTokenHash(tokenHash, new Date())).toBeNull();
    });

    it("reads a timestamp and an array of them, in and out of a transaction, as the UTC instants stored", async () => {
      const read = (db: Pick<DbClient, "$queryRaw">) =>
        db.$queryRaw<Array<{ at: Date; all: Date[] }>>`
          SELECT '2026-03-03 12:34:56.789'::timestamp(3) AS "at", ARRAY['2026-03-03 12:34:56.789'::timestamp(3), NULL] AS "all"`;
      const expected = [{ at: new Date("2026-03-03T12:34:56.789Z"), all: [new Date("2026-03-03T12:34:56.789Z"), null] }];
      expect(await read(database())).toStrictEqual(expected);
      expect(await database().$transaction((tx) => read(tx))).toStrictEqual(expected);
    });

    it("nextDueAt is the earliest unsent, living job's time, as a Date; sent and dead jobs do not count", async () => {
      await database().mailJob.deleteMany({});
      expect(await mailJobRepository.nextDueAt()).toBeNull();
      const job = (nextAttemptAt: string, done: object = {}) => ({
        id: randomUUID(), kind: "password_changed", recipient: "a@example.com", body: "sealed", nextAttemptAt: new Date(nextAttemptAt), ...done,
      });
      await database().mailJob.createMany({
        data: [
          job("2026-03-01T00:00:00.000Z", { sentAt: new Date() }),
          job("2026-03-02T00:00:00.000Z", { deadAt: new Date() }),
          job("2026-03-04T00:00:00.000Z"),
          job("2026-03-03T12:34:56.789Z"),
        ],
      });
      expect(await mailJobRepository.nextDueAt()).toStrictEqual(new Date("2026-03-03T12:34:56.789Z"));
    });
  });
}
