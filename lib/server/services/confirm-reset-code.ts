import "server-only";
import { normalizeEmail } from "@/lib/schemas/email";
import { RESET_CODE, type ConfirmResetInput } from "@/lib/schemas/password-reset";
import { AppError } from "../errors";
import { systemClock, type Clock } from "../clock";
import { passwordResetRepository, type ResetRecord } from "../repositories/password-reset-repository";
import { userRepository } from "../repositories/user-repository";
import { generateResetSecret, keyedHash, sameHash } from "../security/reset-secrets";
import { canConfirm, RESET_CONFIRMATION_WINDOW_MS, RESET_MAX_FAILED_ATTEMPTS } from "./password-reset-policy";

type Usable = (reset: ResetRecord, now: Date) => boolean;

/**
 * The reset a six-digit code claims, if `usable` (confirmable, or completable) and the code is
 * right; a wrong code counts towards the lock.
 */
export async function resetForCode(email: string, code: string, now: Date, usable: Usable = canConfirm): Promise<ResetRecord | null> {
  const user = await userRepository.findCredentialsByEmail(normalizeEmail(email));
  const reset = user ? await passwordResetRepository.findNewestForUser(user.id) : null;
  if (!reset || !usable(reset, now) || reset.failedAttempts >= RESET_MAX_FAILED_ATTEMPTS) return null;
  if (!sameHash(keyedHash("code", code, reset.id), reset.codeHash)) {
    await passwordResetRepository.recordFailedAttempt(reset.id, RESET_MAX_FAILED_ATTEMPTS);
    return null;
  }
  return reset;
}

/** The reset the emailed link's token names, if `usable`. */
export async function resetForLinkToken(token: string, now: Date, usable: Usable = canConfirm): Promise<ResetRecord | null> {
  const reset = await passwordResetRepository.findByTokenHash(keyedHash("token", token));
  return reset && usable(reset, now) ? reset : null;
}

export interface Confirmation {
  email: string;
  /** Secret for the HttpOnly cookie that proves this confirmation to password-reset. */
  proof: string;
  proofExpiresAt: Date;
}

/** POST /api/v1/user/confirm-otp-reset: wrong, expired, used or locked are all INVALID_OTP. */
export async function confirmResetCode(input: ConfirmResetInput, clock: Clock = systemClock): Promise<Confirmation> {
  const now = clock.now();
  const reset = RESET_CODE.test(input.resetToken)
    ? await resetForCode(input.email ?? "", input.resetToken, now)
    : await resetForLinkToken(input.resetToken, now);
  if (!reset) throw new AppError("INVALID_OTP");
  if (input.email?.trim() && normalizeEmail(input.email) !== reset.user.email) throw new AppError("INVALID_OTP");

  const proof = generateResetSecret();
  if (!(await passwordResetRepository.confirm(reset.id, keyedHash("proof", proof), now, reset.confirmedAt))) {
    throw new AppError("INVALID_OTP");
  }
  const confirmedAt = reset.confirmedAt ?? now;
  return { email: reset.user.email, proof, proofExpiresAt: new Date(confirmedAt.getTime() + RESET_CONFIRMATION_WINDOW_MS) };
}
