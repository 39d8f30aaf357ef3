// A plain module (no database import): the OpenAPI document, which the proxy loads, lists these too.

/** Every kind of security event, as `listSecurityEvents` in lib/endpoints shows them (and the OpenAPI document lists). */
export const SECURITY_EVENT_TYPES = [
  "account_created",
  "signed_in",
  "sign_in_failed",
  "signed_out",
  "session_revoked",
  "password_changed",
  "password_change_failed",
  "password_reset",
  "api_key_created",
  "api_key_revoked",
  "email_verified",
  "email_change_requested",
  "email_change_failed",
  "email_changed",
  "email_change_cancelled",
  "email_change_reverted",
  /** A wrong password given to close the account (deleted accounts keep no events; a failed try does). */
  "account_deletion_failed",
  /** Two-step verification: the authenticator app turned on or off, a new set of recovery codes, a wrong password or code given to change them. */
  "two_factor_enabled",
  "two_factor_disabled",
  "recovery_codes_generated",
  "two_factor_change_failed",
  /** A sign-in's second step: a wrong app or recovery code after a right password. */
  "second_factor_failed",
] as const;

export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];
