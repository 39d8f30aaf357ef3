import "server-only";
import { AppError } from "../../errors";
import { securityEventRepository } from "../../repositories/security-event-repository";
import { twoFactorRepository } from "../../repositories/two-factor-repository";
import { userRepository, type UserWithCredentials } from "../../repositories/user-repository";
import type { ClientContext } from "../../request-context";
import { challengeDigest, newChallengeToken } from "../../security/second-factor-secrets";
import { type SecondFactorMethod, spendSecondFactor, takeSecondFactorTry } from "./two-factor";

// The second step of a sign-in whose password was right. The challenge is what the client holds
// between the steps: 256 random bits, stored as a keyed digest, bound to the account and to the
// password it was given for, answered once, void after five wrong codes or five minutes.

export const CHALLENGE_LIFETIME_MS = 5 * 60 * 1000;

export interface OpenedChallenge {
  challenge: string;
  expiresAt: Date;
  methods: SecondFactorMethod[];
}

/** After a right password, for an account with a second factor: the challenge its second step answers. */
export async function openSignInChallenge(user: Pick<UserWithCredentials, "id" | "credentialVersion">, now: Date): Promise<OpenedChallenge> {
  const challenge = newChallengeToken();
  const expiresAt = new Date(now.getTime() + CHALLENGE_LIFETIME_MS);
  await twoFactorRepository.createChallenge({ userId: user.id, tokenHash: challengeDigest(challenge), credentialVersion: user.credentialVersion, expiresAt });
  return { challenge, expiresAt, methods: ["totp", "recovery_code"] };
}

/**
 * Answers a challenge with an app code or a recovery code: the account and how it passed, for
 * the caller to open its session. INVALID_REQUEST for a challenge unknown, expired, spent or
 * void, or given before a password change or reset; INVALID_OTP for a wrong code, which counts
 * against the challenge (five tries each) and against the account's second-factor budgets (the
 * device's own, for a device it signed in from, and the account's ceiling), past which the step
 * is refused with 429.
 */
export async function answerSignInChallenge(
  input: { challenge: string; code: string },
  client: ClientContext,
  now: Date,
): Promise<{ user: UserWithCredentials; method: SecondFactorMethod }> {
  const challenge = await twoFactorRepository.findOpenChallenge(challengeDigest(input.challenge), now);
  if (!challenge) throw new AppError("INVALID_REQUEST");
  const user = await userRepository.findCredentialsById(challenge.userId);
  // The password it was given for is no longer the account's: whoever answers must sign in again.
  // Only this challenge is spent: one opened since, with the current password, stays open.
  if (!user || user.credentialVersion !== challenge.credentialVersion || user.passwordRevokedAt) {
    await twoFactorRepository.consumeChallenge(challenge.id, now);
    throw new AppError("INVALID_REQUEST");
  }
  // Each try is taken before its code is looked at, from the budgets and from the challenge's
  // five: answers sent at once cannot outrun either.
  await takeSecondFactorTry(user.email, client);
  if (!(await twoFactorRepository.claimChallengeTry(challenge.id, now))) throw new AppError("INVALID_REQUEST");
  let method: SecondFactorMethod;
  try {
    method = await spendSecondFactor(user.id, input.code, now);
  } catch (error) {
    if (error instanceof AppError && error.code === "INVALID_OTP") {
      await securityEventRepository.record({ userId: user.id, type: "second_factor_failed", ...client });
    }
    throw error;
  }
  // Answered once: of two right answers at once, one opens a session.
  if (!(await twoFactorRepository.consumeChallenge(challenge.id, now))) throw new AppError("INVALID_REQUEST");
  return { user, method };
}
