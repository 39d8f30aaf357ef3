// The second factor's "use it once" rows, run on PGlite (two-factor-repository.test.ts) and on
// PostgreSQL (two-factor-repository.postgres.test.ts), where concurrent uses really run side by
// side: PGlite runs one query at a time, and would pass a read-then-write that PostgreSQL breaks.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { database } from "@/lib/server/db/client";
import { CHALLENGE_MAX_FAILURES, twoFactorRepository as repository } from "@/lib/server/repositories/two-factor-repository";

const CONCURRENT = 5;

async function newUserId(): Promise<string> {
  const user = await database().user.create({ data: { email: `two-factor-${randomUUID()}@example.com`, passwordHash: "not a hash" } });
  return user.id;
}

async function enabledUser(step = 100): Promise<string> {
  const userId = await newUserId();
  expect(await repository.savePendingTotp(userId, "sealed-1")).toBe(true);
  expect(await repository.enableTotp(userId, "sealed-1", step, new Date())).toBe(true);
  return userId;
}

const wins = (results: boolean[]) => results.filter(Boolean).length;

export function describeTwoFactorRepository(backend: string) {
  describe(`the second factor's rows on ${backend}`, () => {
    it("replaces a pending secret, and never one that is on", async () => {
      const userId = await newUserId();
      expect(await repository.savePendingTotp(userId, "sealed-1")).toBe(true);
      expect(await repository.savePendingTotp(userId, "sealed-2")).toBe(true);
      // Only the newest pending secret can be turned on.
      expect(await repository.enableTotp(userId, "sealed-1", 7, new Date())).toBe(false);
      expect(await repository.enableTotp(userId, "sealed-2", 7, new Date())).toBe(true);
      expect(await repository.savePendingTotp(userId, "sealed-3")).toBe(false);
      expect(await repository.findTotp(userId)).toMatchObject({ secretSealed: "sealed-2", enabledAt: expect.any(Date), lastTimeStep: 7 });
    });

    it("lets one of concurrent first enrolments win the row, the others replace it, and none fail", async () => {
      const userId = await newUserId();
      const saved = await Promise.all(Array.from({ length: CONCURRENT }, (_, index) => repository.savePendingTotp(userId, `sealed-${index}`)));
      expect(saved).toEqual(Array(CONCURRENT).fill(true));
      expect(await database().totpCredential.count({ where: { userId } })).toBe(1);
    });

    it("accepts each time step once, and never one at or before the last", async () => {
      const userId = await enabledUser(100);
      expect(await repository.acceptTimeStep(userId, 100)).toBe(false);
      expect(await repository.acceptTimeStep(userId, 99)).toBe(false);
      expect(await repository.acceptTimeStep(userId, 101)).toBe(true);
      expect(await repository.acceptTimeStep(userId, 101)).toBe(false);
      expect((await repository.findTotp(userId))?.lastTimeStep).toBe(101);
    });

    it("accepts no step for an app that is not on", async () => {
      const userId = await newUserId();
      await repository.savePendingTotp(userId, "sealed-1");
      expect(await repository.acceptTimeStep(userId, 5)).toBe(false);
    });

    it(`lets exactly one of ${CONCURRENT} concurrent uses of one code win`, async () => {
      const userId = await enabledUser(100);
      const results = await Promise.all(Array.from({ length: CONCURRENT }, () => repository.acceptTimeStep(userId, 101)));
      expect(wins(results)).toBe(1);
    });

    it(`spends a recovery code once, and exactly one of ${CONCURRENT} concurrent uses wins`, async () => {
      const userId = await newUserId();
      await repository.replaceRecoveryCodes(userId, ["a", "b", "c"]);
      expect(await repository.countUnusedRecoveryCodes(userId)).toBe(3);
      const results = await Promise.all(Array.from({ length: CONCURRENT }, () => repository.spendRecoveryCode(userId, "b", new Date())));
      expect(wins(results)).toBe(1);
      expect(await repository.spendRecoveryCode(userId, "b", new Date())).toBe(false);
      expect(await repository.spendRecoveryCode(userId, "unknown", new Date())).toBe(false);
      expect(await repository.countUnusedRecoveryCodes(userId)).toBe(2);
      // Another account's code of the same digest is its own.
      const other = await newUserId();
      await repository.replaceRecoveryCodes(other, ["b"]);
      expect(await repository.spendRecoveryCode(other, "b", new Date())).toBe(true);
    });

    it("voids the old set of recovery codes with a new one", async () => {
      const userId = await newUserId();
      await repository.replaceRecoveryCodes(userId, ["a", "b"]);
      await repository.replaceRecoveryCodes(userId, ["c"]);
      expect(await repository.spendRecoveryCode(userId, "a", new Date())).toBe(false);
      expect(await repository.spendRecoveryCode(userId, "c", new Date())).toBe(true);
    });

    it(`spends a challenge once: exactly one of ${CONCURRENT} concurrent answers wins`, async () => {
      const userId = await newUserId();
      const tokenHash = randomUUID();
      await repository.createChallenge({ userId, tokenHash, credentialVersion: 0, expiresAt: new Date(Date.now() + 60_000) });
      const challenge = (await repository.findOpenChallenge(tokenHash, new Date()))!;
      const results = await Promise.all(Array.from({ length: CONCURRENT }, () => repository.consumeChallenge(challenge.id, new Date())));
      expect(wins(results)).toBe(1);
      expect(await repository.findOpenChallenge(tokenHash, new Date())).toBeNull();
    });

    it(`gives a challenge ${CHALLENGE_MAX_FAILURES} tries, then no more; and none after its expiry`, async () => {
      const userId = await newUserId();
      const tokenHash = randomUUID();
      await repository.createChallenge({ userId, tokenHash, credentialVersion: 0, expiresAt: new Date(Date.now() + 60_000) });
      const { id } = (await repository.findOpenChallenge(tokenHash, new Date()))!;
      const tries = [];
      for (let attempt = 0; attempt <= CHALLENGE_MAX_FAILURES; attempt += 1) tries.push(await repository.claimChallengeTry(id, new Date()));
      expect(tries).toEqual([...Array(CHALLENGE_MAX_FAILURES).fill(true), false]);
      expect(await repository.findOpenChallenge(tokenHash, new Date())).toBeNull();

      const later = randomUUID();
      await repository.createChallenge({ userId, tokenHash: later, credentialVersion: 0, expiresAt: new Date(Date.now() + 60_000) });
      expect(await repository.findOpenChallenge(later, new Date(Date.now() + 61_000))).toBeNull();
    });

    it(`never gives ${CHALLENGE_MAX_FAILURES + CONCURRENT} answers sent at once more than ${CHALLENGE_MAX_FAILURES} tries between them`, async () => {
      const userId = await newUserId();
      const tokenHash = randomUUID();
      await repository.createChallenge({ userId, tokenHash, credentialVersion: 0, expiresAt: new Date(Date.now() + 60_000) });
      const { id } = (await repository.findOpenChallenge(tokenHash, new Date()))!;
      const tries = await Promise.all(Array.from({ length: CHALLENGE_MAX_FAILURES + CONCURRENT }, () => repository.claimChallengeTry(id, new Date())));
      expect(wins(tries)).toBe(CHALLENGE_MAX_FAILURES);
      const row = await database().signInChallenge.findUnique({ where: { id } });
      expect(row?.failedAttempts).toBe(CHALLENGE_MAX_FAILURES);
    });

    it("voids every open challenge of the account at once", async () => {
      const userId = await newUserId();
      const hashes = [randomUUID(), randomUUID()];
      for (const tokenHash of hashes) await repository.createChallenge({ userId, tokenHash, credentialVersion: 0, expiresAt: new Date(Date.now() + 60_000) });
      await repository.voidChallenges(userId, new Date());
      for (const tokenHash of hashes) expect(await repository.findOpenChallenge(tokenHash, new Date())).toBeNull();
    });
  });
}
