import "server-only";
import { createHash, randomBytes } from "node:crypto";

/**
 * 256 random bits, base64url, behind a prefix that lets secret scanners (and people) recognise
 * a leaked secret: `cxp_` for API tokens, `cxk_` for API keys.
 */
export function generatePrefixedSecret(prefix: string): string {
  return prefix + randomBytes(32).toString("base64url");
}

const TOKEN_PREFIX = "cxp_";
const TOKEN_FORMAT = /^cxp_[A-Za-z0-9_-]{43}$/;

export function generateApiToken(): string {
  return generatePrefixedSecret(TOKEN_PREFIX);
}

export function looksLikeApiToken(value: string): boolean {
  return TOKEN_FORMAT.test(value);
}

/**
 * Only this digest is stored, for API tokens and API keys alike. A salt adds nothing for
 * 256-bit random secrets, and an unsalted digest can be looked up by its unique index.
 */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
