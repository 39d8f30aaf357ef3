import "server-only";
import { RESET_CODE, type ConfirmResetInput } from "@/lib/schemas/password-reset";
import { AppError } from "../../errors";
import { systemClock, type Clock } from "../../clock";
import { passwordResetRepository, type ResetRecord } from "../../repositories/password-reset-repository";
import { generateResetSecret, keyedHash, sameHash } from "../../security/reset-secrets";
import { RESET_CONFIRMATION_WINDOW_MS, RESET_MAX_FAILED_ATTEMPTS } from "@/lib/reset-rules";
import { canConfirm } from "./password-reset-policy";

type Usable = (reset: ResetRecord, now: Date) => boolean;

/**
 * The reset a six-digit code claims, if `usable` (confirmable, or completable) and the code is
 * right. Every attempt takes one of the code's tries before the comparison, and a right code
 * gives its try back, so however many guesses arrive at once, at most five wrong ones are ever
 * compared; after them the code is locked (the link is not: see resetForLinkToken). A wrong code
 * costs the same one statement whether or not the email has an account, or the account a reset.
 */
export async function resetForCode(email: string, code: string, now: Date, usable: Usable = canConfirm): Promise<ResetRecord | null> {
  const reset = await passwordResetRepository.claimCodeTry(email, RESET_MAX_FAILED_ATTEMPTS);
  if (!reset || !usable(reset, now) || !sameHash(keyedHash("code", code, reset.id), reset.codeHash)) return null;
  await passwordResetRepository.releaseCodeAttempt(reset.id);
  return reset;
}

/**
 * The reset the emailed link's token names, if `usable`. Wrong codes do not lock it: its 256-bit
 * token cannot be guessed, so someone burning codes cannot stop the owner resetting by link.
 */
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

/** `confirmResetCode` in lib/endpoints: wrong, expired, used or locked are all INVALID_OTP. */
export async function confirmResetCode(input: ConfirmResetInput, clock: Clock = systemClock): Promise<Confirmation> {
  const now = clock.now();
  const reset = RESET_CODE.test(input.resetToken)
    ? await resetForCode(input.email ?? "", input.resetToken, now)
    : await resetForLinkToken(input.resetToken, now);
  if (!reset) throw new AppError("INVALID_OTP");
  if (input.email && input.email !== reset.user.email) throw new AppError("INVALID_OTP");

  const proof = generateResetSecret();
  if (!(await passwordResetRepository.confirm(reset.id, keyedHash("proof", proof), now, reset.confirmedAt))) {
    throw new AppError("INVALID_OTP");
  }
  const confirmedAt = reset.confirmedAt ?? now;
  return { email: reset.user.email, proof, proofExpiresAt: new Date(confirmedAt.getTime() + RESET_CONFIRMATION_WINDOW_MS) };
}
