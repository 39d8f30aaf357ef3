import "server-only";
import { resetPassword } from "@/lib/endpoints/password";
import { clearedCookie, cookieName, httpOnlyCookie } from "./cookies";

/** Proves to password-reset that this browser confirmed the code; sent to that endpoint only. */
const RESET = "passwordReset";
const RESET_SCOPE = { path: resetPassword.path, sameSite: "Strict" } as const;

export const resetCookieName = () => cookieName(RESET, RESET_SCOPE);

export function resetProofCookie(proof: string, expiresAt: Date): string {
  return httpOnlyCookie(RESET, proof, expiresAt, RESET_SCOPE);
}

export function clearedResetProofCookie(): string {
  return clearedCookie(RESET, RESET_SCOPE);
}
