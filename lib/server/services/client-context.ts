import "server-only";

/** Where a request came from, for session rows, security events and notifications. */
export interface ClientContext {
  ip: string | null;
  userAgent: string | null;
}

/** The address rate limits and the traffic guard key on: clients of unknown address share one. */
export function limitAddress(client: ClientContext): string {
  return client.ip ?? "unknown";
}

/** Who is acting, and through which session (which a "sign out elsewhere" must spare). */
export interface Caller {
  userId: string;
  sessionId: string;
}
