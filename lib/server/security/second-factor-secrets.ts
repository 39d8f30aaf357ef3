import "server-only";
import { createHmac, randomBytes, randomInt } from "node:crypto";
import { config } from "../config";

// Recovery codes and sign-in challenges: random from the CSPRNG, shown or sent once, stored as
// HMAC digests under a key derived from the server secret (a copied table yields nothing usable).

/** Crockford's Base32 alphabet: no i, l, o or u, so a code read aloud or from paper is typed right. */
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const CODE_LENGTH = 10; // 10 × 5 bits = 50 bits
export const RECOVERY_CODE_COUNT = 10;

/** One code, `xxxxx-xxxxx`. */
function newRecoveryCode(): string {
  const characters = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return `${characters.slice(0, 5).join("")}-${characters.slice(5).join("")}`;
}

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(newRecoveryCode());
  return [...codes];
}

/**
 * What a person typed, as the code it means: case, spaces and hyphens ignored, and the letters
 * Crockford's alphabet leaves out read as the digits they look like. Null when it cannot be one.
 */
export function normalizeRecoveryCode(input: string): string | null {
  const folded = input
    .toLowerCase()
    .replace(/[\s-]/g, "")
    .replace(/o/g, "0")
    .replace(/[il]/g, "1");
  return folded.length === CODE_LENGTH && [...folded].every((character) => ALPHABET.includes(character)) ? folded : null;
}

/** A recovery code's digest, bound to its account: the same code elsewhere digests differently. */
export function recoveryCodeDigest(userId: string, normalizedCode: string): string {
  return createHmac("sha256", config().secondFactorHashKey).update(`recovery\u0000${userId}\u0000${normalizedCode}`).digest("hex");
}

/** A sign-in challenge: 256 random bits, opaque to the client. */
export function newChallengeToken(): string {
  return randomBytes(32).toString("base64url");
}

export function challengeDigest(token: string): string {
  return createHmac("sha256", config().secondFactorHashKey).update(`challenge\u0000${token}`).digest("hex");
}
