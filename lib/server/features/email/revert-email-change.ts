import "server-only";
import { RESET_CODE_TTL_MS } from "@/lib/reset-rules";
import type { RevertEmailChangeInput } from "@/lib/schemas/email-recovery";
import { systemClock, type Clock } from "../../clock";
import { inTransaction } from "../../db/client";
import { AppError } from "../../errors";
import { queueMail, wakeSender } from "../../mail/outbox";
import { emailChangeUndoneMail } from "./mails";
import { emailChallengeRepository } from "../../repositories/email-challenge-repository";
import { passwordResetRepository } from "../../repositories/password-reset-repository";
import { securityEventRepository } from "../../repositories/security-event-repository";
import { sessionRepository } from "../../repositories/session-repository";
import { EmailTakenError, userRepository } from "../../repositories/user-repository";
import type { ClientContext } from "../../request-context";
import { changeForCancelToken, challengeForToken } from "./email-challenges";
import { issueReset } from "../password-reset";

/**
 * `revertEmailChange` in lib/endpoints: "this wasn't me", from the old address. Its token is either the
 * cancel link of a pending change or the undo link (7 days) of a completed one. Whoever asked for
 * the change knew the password and held a session, so either way, in one transaction: every
 * session and API token of the account is revoked, the password itself is ended (it signs in no
 * more until a reset), every pending change and its cancel link ends, and a reset code goes to
 * the address the account is left at. An undo also moves the account back (409 EMAIL_TAKEN if
 * someone registered the address meanwhile), tells the address it leaves, and ends every undo link
 * made since its own: those went to addresses the account held only afterwards (an intruder who
 * moved it twice holds the second one's). Older links stay: the link an intruder holds must not
 * end the one its victim holds, and a cancel (mailed to the current address) ends none.
 */
export async function revertEmailChange(input: RevertEmailChangeInput, client: ClientContext, clock: Clock = systemClock): Promise<{ email: string }> {
  const now = clock.now();
  const undo = await challengeForToken(input.token, "revert", now);
  const challenge = undo ?? (await changeForCancelToken(input.token, now));
  if (!challenge || challenge.purpose === "verify") throw new AppError("INVALID_OTP");
  const user = await userRepository.findCredentialsById(challenge.userId);
  if (!user) throw new AppError("INVALID_OTP");
  // An undo restores the address it names; a cancel keeps the current one.
  const email = undo ? challenge.email : user.email;

  try {
    await inTransaction(async (tx) => {
      // Resets, then the account, then its challenges and sessions: the order a reset's completion
      // and a password change take them in, so none of them deadlocks with another.
      await passwordResetRepository.discardOpen(user.id, tx);
      await userRepository.lockForUpdate(user.id, tx);
      if (!(await emailChallengeRepository.consume(challenge.id, now, tx))) throw new AppError("INVALID_OTP");
      if (undo && !(await userRepository.changeEmail(user.id, user.email, email, now, tx))) throw new AppError("INVALID_OTP");
      await emailChallengeRepository.discardOpen(user.id, ["change", "verify"], tx);
      if (undo) await emailChallengeRepository.discardUndoLinksSince(user.id, undo.createdAt, tx);
      await userRepository.revokePassword(user.id, now, tx);
      const revoked = await sessionRepository.revokeAllForUser(user.id, null, now, tx);
      const type = undo ? "email_change_reverted" : "email_change_cancelled";
      await securityEventRepository.record({ userId: user.id, type, detail: { revokedSessions: revoked }, ...client }, tx);
      // The owner gets the account back and a code to lock out whoever moved it.
      const { mail } = await issueReset({ id: user.id, email }, now, client, tx);
      await queueMail("reset_code", mail, tx, new Date(now.getTime() + RESET_CODE_TTL_MS));
      if (email !== user.email) await queueMail("email_changed", emailChangeUndoneMail(user.email, email), tx);
    });
  } catch (error) {
    if (error instanceof EmailTakenError) throw new AppError("EMAIL_TAKEN");
    throw error;
  }
  wakeSender();
  return { email };
}
