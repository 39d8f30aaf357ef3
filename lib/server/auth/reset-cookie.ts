import "server-only";
import { clearedCookie, httpOnlyCookie } from "./cookies";

/** Proves to password-reset that this browser confirmed the code; sent to that endpoint only. */
export const RESET_COOKIE = "passwordReset";
const RESET_SCOPE = { path: "/api/v1/user/password-reset", sameSite: "Strict" } as const;

export function resetProofCookie(proof: string, expiresAt: Date): string {
  return httpOnlyCookie(RESET_COOKIE, proof, expiresAt, RESET_SCOPE);
}

export function clearedResetProofCookie(): string {
  return clearedCookie(RESET_COOKIE, RESET_SCOPE);
}
