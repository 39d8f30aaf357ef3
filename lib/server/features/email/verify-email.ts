import "server-only";
import type { VerifyEmailInput } from "@/lib/schemas/email-recovery";
import { systemClock, type Clock } from "../../clock";
import { inTransaction } from "../../db/client";
import { AppError } from "../../errors";
import { emailChallengeRepository } from "../../repositories/email-challenge-repository";
import { securityEventRepository } from "../../repositories/security-event-repository";
import { userRepository } from "../../repositories/user-repository";
import type { Caller, ClientContext } from "../../request-context";
import { challengeForCode, challengeForToken } from "./email-challenges";

/**
 * `verifyEmail` in lib/endpoints: the code (signed in: a six-digit code alone never names an
 * account) or the link's token (no session needed). Wrong, expired, used, locked, or for an
 * address the account no longer has: INVALID_OTP. Consuming the challenge and marking the
 * address happen in one transaction, so of concurrent uses one verifies.
 */
export async function verifyEmail(input: VerifyEmailInput, caller: Caller | undefined, client: ClientContext, clock: Clock = systemClock): Promise<{ email: string }> {
  const now = clock.now();
  let challenge;
  if (input.code !== undefined) {
    if (!caller) throw new AppError("UNAUTHORIZED", undefined, { reason: "no-credentials" });
    challenge = await challengeForCode(caller.userId, "verify", input.code, now);
  } else {
    challenge = await challengeForToken(input.token!, "verify", now);
  }
  if (!challenge) throw new AppError("INVALID_OTP");
  const { id, userId, email } = challenge;
  await inTransaction(async (tx) => {
    if (!(await emailChallengeRepository.consume(id, now, tx))) throw new AppError("INVALID_OTP");
    if (!(await userRepository.markEmailVerified(userId, email, now, tx))) throw new AppError("INVALID_OTP");
    await securityEventRepository.record({ userId, type: "email_verified", ...client }, tx);
  });
  return { email };
}
