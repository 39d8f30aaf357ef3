// The numbers of email verification and email change, in one module the server and the pages share.

/** A verification or change code (and its link) works for 24 hours. */
export const EMAIL_CODE_TTL_MS = 24 * 60 * 60_000;
/** The undo link of a completed change works for 7 days. */
export const EMAIL_UNDO_TTL_MS = 7 * 24 * 60 * 60_000;
/** Five wrong codes lock the code (not the link). */
export const EMAIL_CODE_MAX_FAILED_ATTEMPTS = 5;
/** At most one verification mail a minute per address. */
export const EMAIL_RESEND_COOLDOWN_MS = 60_000;
