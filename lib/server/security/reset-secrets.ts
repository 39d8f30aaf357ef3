import "server-only";
import { createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { config } from "../config";

export const RESET_CODE_PATTERN = /^\d{6}$/;

/** Six digits from the operating system's CSPRNG, uniform over 000000–999999. */
export function generateResetCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, "0");
}

/** 256 random bits for the emailed link and for the confirmation cookie. */
export function generateResetSecret(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * HMAC-SHA-256 under a key derived from the server secret. `scope` binds a code to its reset
 * (the same six digits hash differently in another reset), so a leaked table cannot be
 * enumerated for codes, nor hashes reused across resets.
 */
export function keyedHash(purpose: "code" | "token" | "proof" | "email-code" | "email-token", value: string, scope = ""): string {
  return createHmac("sha256", config().resetHashKey).update(`${purpose}\u0000${scope}\u0000${value}`).digest("hex");
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}
