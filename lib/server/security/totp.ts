import "server-only";
import { generate, generateSecret, generateURI, verify } from "otplib";
import { config } from "../config";
import { seal, unseal } from "./sealed";

// The authenticator app's codes (RFC 6238: HMAC-SHA-1, 6 digits, 30-second steps), by otplib.
// Replay is refused by the time step verify reports: the account keeps the last step accepted,
// and only a later one is accepted again (repositories/two-factor-repository.ts makes that one
// conditional update).

export const TOTP_CODE_PATTERN = /^\d{6}$/;
/** One step either side of now: a phone clock a little off, or a code typed as it turned. */
const TOLERANCE_SECONDS = 30;

/** 160 bits from the CSPRNG, in Base32 as apps take it. */
export function newTotpSecret(): string {
  return generateSecret();
}

/** The `otpauth://totp/` URI an app scans: issuer the portal's name, account the email. */
export function totpUri(secret: string, { issuer, account }: { issuer: string; account: string }): string {
  return generateURI({ issuer, label: account, secret });
}

/**
 * The time step `code` belongs to, when it is the code of now or one step either side and later
 * than `afterTimeStep`; otherwise null. Anything but six digits is null at once.
 */
export async function acceptedTimeStep(secret: string, code: string, { now, afterTimeStep }: { now: Date; afterTimeStep?: number | null }): Promise<number | null> {
  if (!TOTP_CODE_PATTERN.test(code)) return null;
  let result;
  try {
    result = await verify({
      secret,
      token: code,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: TOLERANCE_SECONDS,
      ...(afterTimeStep === null || afterTimeStep === undefined ? {} : { afterTimeStep }),
    });
  } catch {
    // otplib refuses a last step later than any it would accept (this server's clock behind the
    // one that accepted it): no code can be right then, which is a wrong code, not a 500.
    return null;
  }
  // verify also serves HOTP, whose result has no time step: a TOTP verify always has one.
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

/** The code of the step `now` falls in (tests and the operator's tools; never answered). */
export function totpCodeAt(secret: string, now: Date): Promise<string> {
  return generate({ secret, epoch: Math.floor(now.getTime() / 1000) });
}

/** The secret as stored: sealed, and bound to its account. */
export function sealTotpSecret(secret: string, userId: string): string {
  return seal(secret, config().totpSealKey, `totp\u0000${userId}`);
}

export function unsealTotpSecret(sealed: string, userId: string): string {
  return unseal<string>(sealed, config().totpSealKey, `totp\u0000${userId}`);
}
