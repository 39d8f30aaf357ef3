import "server-only";
import { randomUUID } from "node:crypto";
import { EMAIL_CODE_MAX_FAILED_ATTEMPTS, EMAIL_CODE_TTL_MS } from "@/lib/email-rules";
import type { DbClient } from "../../db/client";
import { emailChallengeRepository, type ChallengePurpose, type ChallengeRecord } from "../../repositories/email-challenge-repository";
import { generateResetCode, generateResetSecret, keyedHash, sameHash } from "../../security/reset-secrets";

export interface IssuedChallenge {
  code: string;
  token: string;
  cancelToken?: string;
}

/**
 * Stores a new challenge (replacing the user's open ones of that purpose) with its code and
 * tokens as keyed hashes only, and returns the secrets for the mail written in the same transaction.
 */
export async function issueChallenge(
  userId: string,
  purpose: Exclude<ChallengePurpose, "revert">,
  email: string,
  now: Date,
  tx: DbClient,
  { withCancelLink = false } = {},
): Promise<IssuedChallenge> {
  const id = randomUUID();
  const code = generateResetCode();
  const token = generateResetSecret();
  const cancelToken = withCancelLink ? generateResetSecret() : undefined;
  await emailChallengeRepository.replace(
    {
      id,
      userId,
      purpose,
      email,
      codeHash: keyedHash("email-code", code, id),
      tokenHash: keyedHash("email-token", token),
      ...(cancelToken ? { cancelTokenHash: keyedHash("email-token", cancelToken) } : {}),
      expiresAt: new Date(now.getTime() + EMAIL_CODE_TTL_MS),
    },
    tx,
  );
  return { code, token, cancelToken };
}

const usable = (challenge: ChallengeRecord | null, now: Date): challenge is ChallengeRecord =>
  !!challenge && !challenge.consumedAt && challenge.expiresAt > now;

/**
 * The user's newest open challenge of `purpose`, if `code` is its code. Each attempt takes one of
 * five tries before the comparison and a right code gives it back (as reset codes do), so
 * however many guesses arrive at once, at most five wrong ones are compared.
 */
export async function challengeForCode(userId: string, purpose: ChallengePurpose, code: string, now: Date): Promise<ChallengeRecord | null> {
  const challenge = await emailChallengeRepository.findNewest(userId, purpose);
  if (!usable(challenge, now) || !challenge.codeHash) return null;
  if (!(await emailChallengeRepository.claimCodeAttempt(challenge.id, EMAIL_CODE_MAX_FAILED_ATTEMPTS))) return null;
  if (!sameHash(keyedHash("email-code", code, challenge.id), challenge.codeHash)) return null;
  await emailChallengeRepository.releaseCodeAttempt(challenge.id);
  return challenge;
}

/** The open challenge of `purpose` a link's token names (256 bits: never locked by wrong codes). */
export async function challengeForToken(token: string, purpose: ChallengePurpose, now: Date): Promise<ChallengeRecord | null> {
  const challenge = await emailChallengeRepository.findByTokenHash(keyedHash("email-token", token));
  return usable(challenge, now) && challenge.purpose === purpose ? challenge : null;
}

/** The open change a "this wasn't me" link names. */
export async function changeForCancelToken(token: string, now: Date): Promise<ChallengeRecord | null> {
  const challenge = await emailChallengeRepository.findByCancelTokenHash(keyedHash("email-token", token));
  return usable(challenge, now) ? challenge : null;
}
