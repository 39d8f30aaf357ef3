// Two-step verification's services, on PGlite (features/two-factor/two-factor.test.ts) and on
// PostgreSQL (two-factor.postgres.test.ts), where concurrent answers really run side by side.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { database } from "@/lib/server/db/client";
import { AppError, type ErrorCode } from "@/lib/server/errors";
import { registerAccount } from "@/lib/server/features/sign-in";
import { answerSignInChallenge, openSignInChallenge } from "@/lib/server/features/two-factor/sign-in-challenge";
import {
  confirmTotpEnrolment,
  hasSecondFactor,
  removeSecondFactorAsOperator,
  renewRecoveryCodes,
  startTotpEnrolment,
  turnOffTotp,
  twoFactorStatus,
} from "@/lib/server/features/two-factor/two-factor";
import { CHALLENGE_MAX_FAILURES } from "@/lib/server/repositories/two-factor-repository";
import { totpCodeAt } from "@/lib/server/security/totp";

const client = { ip: "198.51.100.7", userAgent: "vitest" };
const PASSWORD = "lantern-orchid-velvet-93";
const ISSUER = { issuer: "Account portal" };
const STEP_MS = 30_000;

/** A clock the test moves: each call of `next()` is one time step later. */
function steppingClock(start = Date.now()) {
  let now = start;
  return { now: () => new Date(now), next: () => new Date((now += STEP_MS)) };
}

async function rejectsWith(promise: Promise<unknown>, code: ErrorCode) {
  await expect(promise).rejects.toSatisfy((error: unknown) => error instanceof AppError && error.code === code);
}

async function accountWithApp() {
  const user = await registerAccount({ email: `two-step-${randomUUID()}@example.com`, password: PASSWORD }, client);
  const caller = { userId: user.id, sessionId: randomUUID() };
  const clock = steppingClock();
  const { secret, otpauthUri } = await startTotpEnrolment(caller, PASSWORD, client, ISSUER);
  const { recoveryCodes } = await confirmTotpEnrolment(caller, await totpCodeAt(secret, clock.now()), client, clock);
  return { user, caller, secret, otpauthUri, recoveryCodes, clock };
}

async function challengeFor(userId: string, now: Date) {
  const user = await database().user.findUniqueOrThrow({ where: { id: userId } });
  return (await openSignInChallenge(user, now)).challenge;
}

export function describeTwoFactorServices(backend: string) {
  describe(`two-step verification on ${backend}`, () => {
    it("turns the app on only with the password and then a current code, and makes ten recovery codes", async () => {
      const user = await registerAccount({ email: `two-step-${randomUUID()}@example.com`, password: PASSWORD }, client);
      const caller = { userId: user.id, sessionId: randomUUID() };
      await rejectsWith(startTotpEnrolment(caller, "not the password", client, ISSUER), "INCORRECT_PASSWORD");
      await rejectsWith(confirmTotpEnrolment(caller, "123456", client), "INVALID_REQUEST");
      const { secret, otpauthUri } = await startTotpEnrolment(caller, PASSWORD, client, ISSUER);
      expect(otpauthUri).toContain(`secret=${secret}`);
      expect(await hasSecondFactor(user.id)).toBe(false);
      const code = await totpCodeAt(secret, new Date());
      await rejectsWith(confirmTotpEnrolment(caller, code === "000000" ? "111111" : "000000", client), "INVALID_OTP");
      const { recoveryCodes } = await confirmTotpEnrolment(caller, code, client);
      expect(recoveryCodes).toHaveLength(10);
      expect(await twoFactorStatus(user.id)).toEqual({ totpEnabled: true, recoveryCodesLeft: 10 });
      await rejectsWith(startTotpEnrolment(caller, PASSWORD, client, ISSUER), "ALREADY_ENABLED");
      // Nothing of the secret or the codes is stored in the clear.
      const stored = JSON.stringify([await database().totpCredential.findMany({ where: { userId: user.id } }), await database().recoveryCode.findMany({ where: { userId: user.id } })], (_k, v: unknown) =>
        typeof v === "bigint" ? String(v) : v,
      );
      expect(stored).not.toContain(secret);
      for (const recoveryCode of recoveryCodes) expect(stored).not.toContain(recoveryCode.replace("-", ""));
    });

    it("a second enrolment replaces a pending secret: the first one's codes no longer confirm", async () => {
      const user = await registerAccount({ email: `two-step-${randomUUID()}@example.com`, password: PASSWORD }, client);
      const caller = { userId: user.id, sessionId: randomUUID() };
      const first = await startTotpEnrolment(caller, PASSWORD, client, ISSUER);
      const second = await startTotpEnrolment(caller, PASSWORD, client, ISSUER);
      const now = new Date();
      const firstCode = await totpCodeAt(first.secret, now);
      if (firstCode !== (await totpCodeAt(second.secret, now))) await rejectsWith(confirmTotpEnrolment(caller, firstCode, client), "INVALID_OTP");
      await confirmTotpEnrolment(caller, await totpCodeAt(second.secret, now), client);
    });

    it("answers a sign-in challenge once with a current code, and never with that code again", async () => {
      const { user, secret, clock } = await accountWithApp();
      const now = clock.next();
      const code = await totpCodeAt(secret, now);
      const first = await challengeFor(user.id, now);
      expect(await answerSignInChallenge({ challenge: first, code }, client, now)).toMatchObject({ user: { id: user.id }, method: "totp" });
      await rejectsWith(answerSignInChallenge({ challenge: first, code }, client, now), "INVALID_REQUEST");
      // The same code on a new challenge: replayed.
      await rejectsWith(answerSignInChallenge({ challenge: await challengeFor(user.id, now), code }, client, now), "INVALID_OTP");
    });

    it("takes a recovery code once, typed any way, and counts what is left", async () => {
      const { user, recoveryCodes, clock } = await accountWithApp();
      const now = clock.now();
      const typed = ` ${recoveryCodes[3]!.toUpperCase().replace("-", " ")} `;
      expect(await answerSignInChallenge({ challenge: await challengeFor(user.id, now), code: typed }, client, now)).toMatchObject({ method: "recovery_code" });
      await rejectsWith(answerSignInChallenge({ challenge: await challengeFor(user.id, now), code: recoveryCodes[3]! }, client, now), "INVALID_OTP");
      expect((await twoFactorStatus(user.id)).recoveryCodesLeft).toBe(9);
    });

    it(`voids a challenge after ${CHALLENGE_MAX_FAILURES} wrong codes: even the right one is refused then`, async () => {
      const { user, secret, clock } = await accountWithApp();
      const now = clock.next();
      const challenge = await challengeFor(user.id, now);
      const right = await totpCodeAt(secret, now);
      const wrong = right === "000000" ? "111111" : "000000";
      for (let failure = 0; failure < CHALLENGE_MAX_FAILURES; failure += 1) await rejectsWith(answerSignInChallenge({ challenge, code: wrong }, client, now), "INVALID_OTP");
      await rejectsWith(answerSignInChallenge({ challenge, code: right }, client, now), "INVALID_REQUEST");
      const failed = await database().securityEvent.count({ where: { userId: user.id, type: "second_factor_failed" } });
      expect(failed).toBe(CHALLENGE_MAX_FAILURES);
    });

    it("refuses a challenge given before the password changed, and an expired or unknown one", async () => {
      const { user, secret, clock } = await accountWithApp();
      const now = clock.next();
      const challenge = await challengeFor(user.id, now);
      await database().user.update({ where: { id: user.id }, data: { credentialVersion: { increment: 1 } } });
      const sinceTheChange = await challengeFor(user.id, now);
      await rejectsWith(answerSignInChallenge({ challenge, code: await totpCodeAt(secret, now) }, client, now), "INVALID_REQUEST");
      // Whoever holds the stale challenge cannot cancel a sign-in opened since, with the current password.
      expect(await answerSignInChallenge({ challenge: sinceTheChange, code: await totpCodeAt(secret, now) }, client, now)).toMatchObject({ method: "totp" });
      const later = await challengeFor(user.id, now);
      const expired = new Date(now.getTime() + 5 * 60_000 + 1);
      await rejectsWith(answerSignInChallenge({ challenge: later, code: await totpCodeAt(secret, expired) }, client, expired), "INVALID_REQUEST");
      await rejectsWith(answerSignInChallenge({ challenge: "not-a-challenge", code: "123456" }, client, now), "INVALID_REQUEST");
    });

    it(`lets exactly one of five challenges answered at once with the same code, or the same recovery code, through`, async () => {
      const { user, secret, recoveryCodes, clock } = await accountWithApp();
      for (const code of [await totpCodeAt(secret, clock.next()), recoveryCodes[0]!]) {
        const now = clock.now();
        const challenges = await Promise.all(Array.from({ length: 5 }, () => challengeFor(user.id, now)));
        const settled = await Promise.allSettled(challenges.map((challenge) => answerSignInChallenge({ challenge, code }, client, now)));
        expect(settled.filter((result) => result.status === "fulfilled")).toHaveLength(1);
        const refusals = settled.flatMap((result) => (result.status === "rejected" ? [(result.reason as AppError).code] : []));
        expect(refusals).toEqual(Array(4).fill("INVALID_OTP"));
      }
    });

    it("turns the app off and makes new recovery codes only with the password and a code", async () => {
      const { user, caller, secret, recoveryCodes, clock } = await accountWithApp();
      await rejectsWith(renewRecoveryCodes(caller, { password: "wrong", code: recoveryCodes[0]! }, client, clock), "INCORRECT_PASSWORD");
      await rejectsWith(renewRecoveryCodes(caller, { password: PASSWORD, code: "000000-bad" }, client, clock), "INVALID_OTP");
      const renewed = await renewRecoveryCodes(caller, { password: PASSWORD, code: recoveryCodes[0]! }, client, clock);
      // The old set is void, used or not.
      await rejectsWith(turnOffTotp(caller, { password: PASSWORD, code: recoveryCodes[1]! }, client, clock), "INVALID_OTP");
      const pending = await challengeFor(user.id, clock.now());
      await rejectsWith(turnOffTotp(caller, { password: "wrong", code: await totpCodeAt(secret, clock.next()) }, client, clock), "INCORRECT_PASSWORD");
      await turnOffTotp(caller, { password: PASSWORD, code: renewed.recoveryCodes[0]! }, client, clock);
      expect(await twoFactorStatus(user.id)).toEqual({ totpEnabled: false, recoveryCodesLeft: 0 });
      expect(await hasSecondFactor(user.id)).toBe(false);
      // A sign-in waiting at the second step cannot finish with the factor gone.
      await rejectsWith(answerSignInChallenge({ challenge: pending, code: await totpCodeAt(secret, clock.next()) }, client, clock.now()), "INVALID_REQUEST");
      const types = (await database().securityEvent.findMany({ where: { userId: user.id }, select: { type: true } })).map(({ type }) => type);
      expect(types).toEqual(expect.arrayContaining(["two_factor_enabled", "recovery_codes_generated", "two_factor_change_failed", "two_factor_disabled"]));
    });

    it("lets the operator remove one account's second factor, recorded and mailed, and nothing of another's", async () => {
      const { user, recoveryCodes, clock } = await accountWithApp();
      const other = await accountWithApp();
      const pending = await challengeFor(user.id, clock.now());
      expect(await removeSecondFactorAsOperator(`nobody-${randomUUID()}@example.com`)).toBe(false);
      expect(await removeSecondFactorAsOperator(user.email)).toBe(true);
      expect(await twoFactorStatus(user.id)).toEqual({ totpEnabled: false, recoveryCodesLeft: 0 });
      await rejectsWith(answerSignInChallenge({ challenge: pending, code: recoveryCodes[0]! }, client, clock.now()), "INVALID_REQUEST");
      expect(await database().securityEvent.count({ where: { userId: user.id, type: "two_factor_disabled" } })).toBe(1);
      expect(await database().mailJob.count({ where: { kind: "two_factor_changed", recipient: user.email } })).toBe(2);
      expect(await hasSecondFactor(other.user.id)).toBe(true);
    });
  });
}
