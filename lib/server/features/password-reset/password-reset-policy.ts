import "server-only";
import { RESET_CONFIRMATION_WINDOW_MS } from "@/lib/reset-rules";
import type { ResetRecord } from "../../repositories/password-reset-repository";

/**
 * A code or link can still be confirmed: not used, not expired. (The code's own lock after five
 * wrong tries is taken atomically where codes are compared, confirm-reset-code.ts.)
 */
export function canConfirm(reset: ResetRecord, now: Date): boolean {
  return !reset.consumedAt && reset.expiresAt > now;
}

/** A confirmed reset can still be completed: not used, confirmed less than 15 minutes ago. */
export function canComplete(reset: ResetRecord, now: Date): boolean {
  return !reset.consumedAt && !!reset.confirmedAt && reset.confirmedAt.getTime() > now.getTime() - RESET_CONFIRMATION_WINDOW_MS;
}
