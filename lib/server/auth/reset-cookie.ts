import "server-only";
import { config } from "../config";

/** Proves to password-reset that this browser confirmed the code; sent to that endpoint only. */
export const RESET_COOKIE = "passwordReset";
const PATH = "/api/v1/user/password-reset";

export function resetProofCookie(proof: string, expiresAt: Date): string {
  const secure = config().secureCookies ? "; Secure" : "";
  return `${RESET_COOKIE}=${proof}; Path=${PATH}; Expires=${expiresAt.toUTCString()}; HttpOnly; SameSite=Strict${secure}`;
}

export function clearedResetProofCookie(): string {
  const secure = config().secureCookies ? "; Secure" : "";
  return `${RESET_COOKIE}=; Path=${PATH}; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict${secure}`;
}
