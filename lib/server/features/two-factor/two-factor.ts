import "server-only";
import { systemClock, type Clock } from "../../clock";
import { type DbClient, inTransaction } from "../../db/client";
import { AppError } from "../../errors";
import { securityEventRepository, type SecurityEventType } from "../../repositories/security-event-repository";
import { twoFactorRepository } from "../../repositories/two-factor-repository";
import { userRepository, type UserWithCredentials } from "../../repositories/user-repository";
import type { Caller, ClientContext } from "../../request-context";
import { newRecoveryCodes, normalizeRecoveryCode, recoveryCodeDigest } from "../../security/second-factor-secrets";
import { acceptedTimeStep, newTotpSecret, sealTotpSecret, totpUri, unsealTotpSecret } from "../../security/totp";
import { enforceLimits } from "../../rate-limit/limiter";
import { currentDeviceToken, limitAddress } from "../../request-context";
import { checkAccountPassword } from "../../services/account-password";
import { config } from "../../config";
import { queueMail, wakeSender } from "../../mail/outbox";
import { type TwoFactorChange, twoFactorChangedMail } from "./mails";
import { secondFactorBudgets } from "../../services/wrong-password-budget";

// Two-step verification on the account: the authenticator app's enrolment, turning it off, and
// new recovery codes. Every change asks for the password (and, once the app is on, a code), so
// a stolen session alone cannot turn the second factor off or read new recovery codes.

export type SecondFactorMethod = "totp" | "recovery_code";

export interface TwoFactorStatus {
  totpEnabled: boolean;
  recoveryCodesLeft: number;
}

export async function twoFactorStatus(userId: string): Promise<TwoFactorStatus> {
  const [totp, recoveryCodesLeft] = await Promise.all([twoFactorRepository.findTotp(userId), twoFactorRepository.countUnusedRecoveryCodes(userId)]);
  return { totpEnabled: Boolean(totp?.enabledAt), recoveryCodesLeft };
}

/** Whether the account's sign-ins need a second step. */
export async function hasSecondFactor(userId: string): Promise<boolean> {
  return Boolean((await twoFactorRepository.findTotp(userId))?.enabledAt);
}

async function signedInUser(caller: Caller): Promise<UserWithCredentials> {
  const user = await userRepository.findCredentialsById(caller.userId);
  if (!user) throw new AppError("UNAUTHORIZED", undefined, { reason: "account-gone" });
  return user;
}

async function requirePassword(user: UserWithCredentials, password: string, client: ClientContext): Promise<void> {
  if (!(await checkAccountPassword(user, password, client, "two_factor_change_failed"))) throw new AppError("INCORRECT_PASSWORD");
}

/**
 * Takes one try of the account's second-factor budgets, before the code is looked at: tries sent
 * at once each take their own, so they cannot outrun the limits (429 once they are gone).
 */
export async function takeSecondFactorTry(email: string, client: ClientContext): Promise<void> {
  await enforceLimits(secondFactorBudgets(email, currentDeviceToken()), limitAddress(client));
}

/**
 * Spends a current app code or an unused recovery code of the account's: the app's step is then
 * never accepted again, the recovery code is gone. Of concurrent uses of one code exactly one
 * gets here; the others, and any wrong code, are INVALID_OTP.
 */
export async function spendSecondFactor(userId: string, code: string, now: Date): Promise<SecondFactorMethod> {
  const totp = await twoFactorRepository.findTotp(userId);
  if (!totp?.enabledAt) throw new AppError("INVALID_OTP");
  const trimmed = code.trim();
  const step = await acceptedTimeStep(unsealTotpSecret(totp.secretSealed, userId), trimmed.replace(/\s/g, ""), { now, afterTimeStep: totp.lastTimeStep });
  if (step !== null) {
    if (await twoFactorRepository.acceptTimeStep(userId, step)) return "totp";
    throw new AppError("INVALID_OTP");
  }
  const recoveryCode = normalizeRecoveryCode(trimmed);
  if (recoveryCode && (await twoFactorRepository.spendRecoveryCode(userId, recoveryCodeDigest(userId, recoveryCode), now))) return "recovery_code";
  throw new AppError("INVALID_OTP");
}

/**
 * Step 1 of setting up the app: after the password, a new secret, pending until a code confirms
 * it (a new call replaces a pending one). 409 ALREADY_ENABLED when the app is on.
 */
export async function startTotpEnrolment(
  caller: Caller,
  password: string,
  client: ClientContext,
  { issuer }: { issuer: string },
): Promise<{ secret: string; otpauthUri: string }> {
  const user = await signedInUser(caller);
  await requirePassword(user, password, client);
  const secret = newTotpSecret();
  if (!(await twoFactorRepository.savePendingTotp(user.id, sealTotpSecret(secret, user.id)))) throw new AppError("ALREADY_ENABLED");
  return { secret, otpauthUri: totpUri(secret, { issuer, account: user.email }) };
}

/**
 * Step 2: a current code from the app turns it on, and the first ten recovery codes are made
 * (shown this once). INVALID_OTP for a wrong code, INVALID_REQUEST with no pending setup.
 */
export async function confirmTotpEnrolment(caller: Caller, code: string, client: ClientContext, clock: Clock = systemClock): Promise<{ recoveryCodes: string[] }> {
  const user = await signedInUser(caller);
  const totp = await twoFactorRepository.findTotp(user.id);
  if (!totp || totp.enabledAt) throw new AppError(totp ? "ALREADY_ENABLED" : "INVALID_REQUEST");
  const now = clock.now();
  const step = await acceptedTimeStep(unsealTotpSecret(totp.secretSealed, user.id), code.trim(), { now });
  if (step === null) throw new AppError("INVALID_OTP");
  const recoveryCodes = newRecoveryCodes();
  await inTransaction(async (tx) => {
    // The secret confirmed is the one read: a setup started again meanwhile is not turned on.
    if (!(await twoFactorRepository.enableTotp(user.id, totp.secretSealed, step, now, tx))) throw new AppError("INVALID_REQUEST");
    await twoFactorRepository.replaceRecoveryCodes(user.id, digestsOf(user.id, recoveryCodes), tx);
    await recordChange(user, "enabled", client, now, tx);
  });
  wakeSender();
  return { recoveryCodes };
}

/** Turns the app off with the password and a code (app or recovery): the recovery codes go with it, and every pending sign-in step. */
export async function turnOffTotp(caller: Caller, input: { password: string; code: string }, client: ClientContext, clock: Clock = systemClock): Promise<void> {
  const user = await signedInUser(caller);
  await requirePassword(user, input.password, client);
  const now = clock.now();
  await spendOrRecordFailure(user, input.code, now, client);
  await inTransaction(async (tx) => {
    await twoFactorRepository.removeTotp(user.id, tx);
    await twoFactorRepository.removeRecoveryCodes(user.id, tx);
    await twoFactorRepository.voidChallenges(user.id, now, tx);
    await recordChange(user, "disabled", client, now, tx);
  });
  wakeSender();
}

/** Ten new recovery codes with the password and a code; the old set, used or not, is void. */
export async function renewRecoveryCodes(caller: Caller, input: { password: string; code: string }, client: ClientContext, clock: Clock = systemClock): Promise<{ recoveryCodes: string[] }> {
  const user = await signedInUser(caller);
  await requirePassword(user, input.password, client);
  const now = clock.now();
  await spendOrRecordFailure(user, input.code, now, client);
  const recoveryCodes = newRecoveryCodes();
  await inTransaction(async (tx) => {
    await twoFactorRepository.replaceRecoveryCodes(user.id, digestsOf(user.id, recoveryCodes), tx);
    await recordChange(user, "recovery_codes", client, now, tx);
  });
  wakeSender();
  return { recoveryCodes };
}

async function spendOrRecordFailure(user: UserWithCredentials, code: string, now: Date, client: ClientContext): Promise<SecondFactorMethod> {
  const userId = user.id;
  // A stolen session with the password gets no more guesses here than a sign-in's second step would.
  await takeSecondFactorTry(user.email, client);
  try {
    return await spendSecondFactor(userId, code, now);
  } catch (error) {
    if (error instanceof AppError && error.code === "INVALID_OTP") await securityEventRepository.record({ userId, type: "two_factor_change_failed", ...client });
    throw error;
  }
}

const EVENT_OF: Record<TwoFactorChange, SecurityEventType> = {
  enabled: "two_factor_enabled",
  disabled: "two_factor_disabled",
  recovery_codes: "recovery_codes_generated",
};

/** A change to two-step verification, in its own transaction: the security event, and the mail that tells the owner. */
async function recordChange(user: { id: string; email: string }, change: TwoFactorChange, client: ClientContext, now: Date, tx: DbClient, detail?: Record<string, string>) {
  await securityEventRepository.record({ userId: user.id, type: EVENT_OF[change], ...(detail ? { detail } : {}), ...client }, tx);
  await queueMail("two_factor_changed", twoFactorChangedMail(user.email, change, { when: now, ...client }, config().appUrl), tx);
}

function digestsOf(userId: string, codes: string[]): string[] {
  return codes.map((code) => recoveryCodeDigest(userId, normalizeRecoveryCode(code)!));
}

/**
 * The operator's way back for a person who lost every factor (or found one added by someone
 * else), after the operator's own check of who is asking: `npm run two-factor:remove -- <email>`.
 * Removes the app and the recovery codes, ends every pending second step, and records and mails
 * it like any other turning off. False when no account has that address.
 */
export async function removeSecondFactorAsOperator(email: string, clock: Clock = systemClock): Promise<boolean> {
  const user = await userRepository.findCredentialsByEmail(email);
  if (!user) return false;
  const now = clock.now();
  await inTransaction(async (tx) => {
    await twoFactorRepository.removeTotp(user.id, tx);
    await twoFactorRepository.removeRecoveryCodes(user.id, tx);
    await twoFactorRepository.voidChallenges(user.id, now, tx);
    await recordChange(user, "disabled", { ip: null, userAgent: null }, now, tx, { by: "operator" });
  });
  return true;
}
