import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** 256 random bits; the prefix lets secret scanners recognise a leaked token. */
const TOKEN_PREFIX = "cxp_";
const TOKEN_FORMAT = /^cxp_[A-Za-z0-9_-]{43}$/;

export function generateApiToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

export function looksLikeApiToken(value: string): boolean {
  return TOKEN_FORMAT.test(value);
}

/** Only this digest is stored. A salt adds nothing for 256-bit random secrets. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
