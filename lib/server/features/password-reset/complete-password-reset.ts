import "server-only";
import { accountPasswordProblems } from "@/lib/schemas/password";
import { RESET_CODE, type ResetPasswordInput } from "@/lib/schemas/password-reset";
import { config } from "../../config";
import { inTransaction } from "../../db/client";
import { AppError } from "../../errors";
import { systemClock, type Clock } from "../../clock";
import { queueMail, wakeSender } from "../../mail/outbox";
import { passwordResetMail } from "./mails";
import { passwordResetRepository, type ResetRecord } from "../../repositories/password-reset-repository";
import { securityEventRepository } from "../../repositories/security-event-repository";
import { sessionRepository } from "../../repositories/session-repository";
import { emailChallengeRepository } from "../../repositories/email-challenge-repository";
import { userRepository } from "../../repositories/user-repository";
import { hashPassword, verifyPassword } from "../../security/password-hash";
import { keyedHash } from "../../security/reset-secrets";
import type { ClientContext } from "../../request-context";
import { resetForCode, resetForLinkToken } from "./confirm-reset-code";
import { RESET_CONFIRMATION_WINDOW_MS } from "@/lib/reset-rules";
import { canComplete } from "./password-reset-policy";

/**
 * The reset this request proves it confirmed: by the confirmation cookie, or by the code or link
 * token in the body. With the legacy PASSWORD_RESET_REQUIRE_PROOF=false, the email alone names
 * the newest reset of its account, as the gateway documents.
 */
async function provenReset(input: ResetPasswordInput, proofCookie: string | undefined, now: Date): Promise<ResetRecord | null> {
  if (proofCookie) return passwordResetRepository.findByProofHash(keyedHash("proof", proofCookie));
  const token = input.resetToken?.trim();
  // The code's 10 minutes no longer matter once it was confirmed: the confirmation's 15 do.
  if (token) return RESET_CODE.test(token) ? resetForCode(input.email, token, now, canComplete) : resetForLinkToken(token, now, canComplete);
  const { resetRequiresProof, resetRevealsUnknownEmail } = config();
  if (resetRequiresProof) return null;
  const user = await userRepository.findCredentialsByEmail(input.email);
  // Whether an email has an account is told only where the operator chose to reveal it.
  if (!user) throw new AppError(resetRevealsUnknownEmail ? "NO_ACCOUNT" : "INVALID_REQUEST");
  return passwordResetRepository.findNewestForUser(user.id);
}

/**
 * The reset endpoint (lib/endpoints/password.ts). In one transaction: consume the reset (one conditional
 * update, so of concurrent completions exactly one wins), store the new hash, revoke every
 * session and token, record the event, queue the notification mail. No automatic sign-in.
 */
export async function completePasswordReset(
  input: ResetPasswordInput,
  proofCookie: string | undefined,
  client: ClientContext,
  clock: Clock = systemClock,
): Promise<void> {
  const { bcryptCost, appUrl } = config();
  const now = clock.now();
  const reset = await provenReset(input, proofCookie, now);
  if (!reset || !canComplete(reset, now)) throw new AppError("INVALID_REQUEST");
  if (input.email !== reset.user.email) throw new AppError("NO_ACCOUNT");

  // The schema checked the standing rules and the email the request names (the account's, just
  // above); the name is the account's alone.
  const problems = accountPasswordProblems(input.password, { name: reset.user.name });
  if (problems.length) throw new AppError("WEAK_PASSWORD", { password: problems });
  if ((await verifyPassword(input.password, reset.user.passwordHash, bcryptCost)).valid) {
    throw new AppError("SAME_PASSWORD");
  }

  const newHash = await hashPassword(input.password, bcryptCost);
  await inTransaction(async (tx) => {
    const confirmedAfter = new Date(now.getTime() - RESET_CONFIRMATION_WINDOW_MS);
    if (!(await passwordResetRepository.consume(reset.id, confirmedAfter, now, tx))) throw new AppError("INVALID_REQUEST");
    await userRepository.setPasswordHash(reset.userId, newHash, now, tx);
    // The owner is taking the account back: a pending email change (perhaps the intruder's) ends.
    await emailChallengeRepository.discardOpen(reset.userId, ["change"], tx);
    const revoked = await sessionRepository.revokeAllForUser(reset.userId, null, now, tx);
    await securityEventRepository.record({ userId: reset.userId, type: "password_reset", detail: { revokedSessions: revoked }, ...client }, tx);
    await queueMail("password_reset", passwordResetMail(reset.user.email, { when: now, ...client }, appUrl), tx);
  });
  wakeSender();
}
