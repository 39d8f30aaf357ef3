import "server-only";
import { randomUUID } from "node:crypto";
import { EMAIL_UNDO_TTL_MS } from "@/lib/email-rules";
import type { ConfirmEmailChangeInput } from "@/lib/schemas/email-recovery";
import { config } from "../../config";
import { systemClock, type Clock } from "../../clock";
import { inTransaction } from "../../db/client";
import { AppError } from "../../errors";
import { queueMail, wakeSender } from "../../mail/outbox";
import { emailChangedMail } from "./mails";
import { emailChallengeRepository } from "../../repositories/email-challenge-repository";
import { passwordResetRepository } from "../../repositories/password-reset-repository";
import { securityEventRepository } from "../../repositories/security-event-repository";
import { sessionRepository } from "../../repositories/session-repository";
import { EmailTakenError, userRepository } from "../../repositories/user-repository";
import { generateResetSecret, keyedHash } from "../../security/reset-secrets";
import type { Caller, ClientContext } from "../../request-context";
import { challengeForCode, challengeForToken } from "./email-challenges";

/**
 * `confirmEmailChange` in lib/endpoints: the new address's code (signed in) or link. In one
 * transaction: the change is consumed (of two confirmations one wins), the address moves (only
 * from the one read just before, so an undo in between wins), open password resets end (their
 * codes went to the old address), every other session is revoked, and the old address gets its
 * undo link (none when the account returns to an address an open undo link restores: see below). An address another account took meanwhile rolls all of it back: 409 EMAIL_TAKEN.
 */
export async function confirmEmailChange(
  input: ConfirmEmailChangeInput,
  caller: Caller | undefined,
  client: ClientContext,
  clock: Clock = systemClock,
): Promise<{ email: string }> {
  const now = clock.now();
  let challenge;
  if (input.code !== undefined) {
    if (!caller) throw new AppError("UNAUTHORIZED", undefined, { reason: "no-credentials" });
    challenge = await challengeForCode(caller.userId, "change", input.code, now);
  } else {
    challenge = await challengeForToken(input.token!, "change", now);
  }
  if (!challenge) throw new AppError("INVALID_OTP");
  const user = await userRepository.findCredentialsById(challenge.userId);
  if (!user) throw new AppError("INVALID_OTP");

  const undoId = randomUUID();
  const undoToken = generateResetSecret();
  // The caller's own session stays only when it is this account's.
  const keep = caller?.userId === user.id ? caller.sessionId : null;
  try {
    await inTransaction(async (tx) => {
      // Resets, then the account, then its challenges and sessions: the order a reset's completion
      // and a password change take them in, so none of them deadlocks with another.
      await passwordResetRepository.discardOpen(user.id, tx);
      await userRepository.lockForUpdate(user.id, tx);
      if (!(await emailChallengeRepository.consume(challenge.id, now, tx))) throw new AppError("INVALID_OTP");
      // Conditional on the address read above: an undo or another change in between wins.
      if (!(await userRepository.changeEmail(user.id, user.email, challenge.email, now, tx))) throw new AppError("INVALID_OTP");
      await emailChallengeRepository.discardOpen(user.id, ["verify"], tx);
      const revoked = await sessionRepository.revokeAllForUser(user.id, keep, now, tx);
      await securityEventRepository.record({ userId: user.id, type: "email_changed", detail: { revokedSessions: revoked }, ...client }, tx);
      const returning = await emailChallengeRepository.findOpenUndoTo(user.id, challenge.email, now, tx);
      if (returning) {
        // Back to an address an open undo link restores: this is that undo, so it ends that link
        // and every later one, and the address left, held only since, gets none to move it back.
        await emailChallengeRepository.discardUndoLinksSince(user.id, returning.createdAt, tx);
        await queueMail("email_changed", emailChangedMail(user.email, challenge.email), tx);
      } else {
        const undo = { id: undoId, userId: user.id, email: user.email, tokenHash: keyedHash("email-token", undoToken) };
        await emailChallengeRepository.createUndo({ ...undo, expiresAt: new Date(now.getTime() + EMAIL_UNDO_TTL_MS) }, tx);
        const undoLink = `${config().appUrl}/revert-email?token=${encodeURIComponent(undoToken)}`;
        await queueMail("email_changed", emailChangedMail(user.email, challenge.email, undoLink), tx);
      }
    });
  } catch (error) {
    if (error instanceof EmailTakenError) throw new AppError("EMAIL_TAKEN");
    throw error;
  }
  wakeSender();
  return { email: challenge.email };
}
