import "server-only";
import type { ResetRecord } from "../repositories/password-reset-repository";

/** The contract's numbers for resets, in one place. */
export const RESET_CODE_TTL_MS = 10 * 60_000;
export const RESET_CONFIRMATION_WINDOW_MS = 15 * 60_000;
export const RESET_MAX_FAILED_ATTEMPTS = 5;
export const RESET_REQUEST_COOLDOWN_MS = 60_000;

/** A code or link can still be confirmed: not used, not expired, not locked. */
export function canConfirm(reset: ResetRecord, now: Date): boolean {
  return !reset.consumedAt && reset.expiresAt > now && reset.failedAttempts < RESET_MAX_FAILED_ATTEMPTS;
}

/** A confirmed reset can still be completed: not used, confirmed less than 15 minutes ago. */
export function canComplete(reset: ResetRecord, now: Date): boolean {
  return !reset.consumedAt && !!reset.confirmedAt && reset.confirmedAt.getTime() > now.getTime() - RESET_CONFIRMATION_WINDOW_MS;
}
