// The contract's numbers for password resets, in one module the server and the pages share.

/** A code (and the link) works for 10 minutes. */
export const RESET_CODE_TTL_MS = 10 * 60_000;
/** After confirming, the new password must be set within 15 minutes. */
export const RESET_CONFIRMATION_WINDOW_MS = 15 * 60_000;
/** Five wrong codes lock the code (not the link). */
export const RESET_MAX_FAILED_ATTEMPTS = 5;
/** At most one reset mail a minute per address. */
export const RESET_REQUEST_COOLDOWN_MS = 60_000;
