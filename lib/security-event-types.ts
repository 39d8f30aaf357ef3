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
] as const;

export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];
