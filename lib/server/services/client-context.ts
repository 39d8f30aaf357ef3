import "server-only";

/** Where a request came from, for session rows, security events and notifications. */
export interface ClientContext {
  ip: string | null;
  userAgent: string | null;
}
