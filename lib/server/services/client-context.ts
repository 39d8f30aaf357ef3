import "server-only";

/** Where a request came from, for session rows, security events and notifications. */
export interface ClientContext {
  ip: string | null;
  userAgent: string | null;
}

/** Who is acting, and through which session (which a "sign out elsewhere" must spare). */
export interface Caller {
  userId: string;
  sessionId: string;
}
