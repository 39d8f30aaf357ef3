import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { config } from "../config";

/*
 * OWASP's device cookies (Slow Down Online Guessing Attacks with Device Cookies): a browser or
 * client that signed in to an account before carries a signed token bound to that account. Its
 * wrong passwords count against the device alone, so failures from everywhere else, which lock
 * the account for unknown clients, cannot lock its owner out.
 * The value is `<nonce>.<signature>`, the signature an HMAC over the account's email and the
 * nonce under a key derived from the server secret: the email is not in the cookie, and a cookie
 * is valid only for the account it was issued for.
 */

function signature(email: string, nonce: string): Buffer {
  return createHmac("sha256", config().deviceCookieKey).update(`${email}\u0000${nonce}`).digest();
}

/** A fresh device token for the account just signed in to. */
export function issueDeviceToken(email: string): string {
  const nonce = randomBytes(16).toString("base64url");
  return `${nonce}.${signature(email, nonce).toString("base64url")}`;
}

/** The device's id (its nonce) when `token` was issued for this account, else null. */
export function trustedDevice(token: string | undefined, email: string): string | null {
  const [nonce, signed, extra] = token?.split(".") ?? [];
  if (!nonce || !signed || extra !== undefined) return null;
  const presented = Buffer.from(signed, "base64url");
  const expected = signature(email, nonce);
  return presented.length === expected.length && timingSafeEqual(presented, expected) ? nonce : null;
}
