import "server-only";

// Connection-level failures: the database is down or unreachable, not the query wrong.
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "57P01", "57P03"]);
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TlsConnectionError"]);
const MESSAGES = [/timeout exceeded when trying to connect/i, /connection terminated/i, /Can't reach database server/i];

/** True when an error (or anything in its `cause` chain) says the database cannot be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const candidate = current as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof candidate.code === "string" && (NETWORK_CODES.has(candidate.code) || PRISMA_CODES.has(candidate.code))) return true;
    if (typeof candidate.kind === "string" && ADAPTER_KINDS.has(candidate.kind)) return true;
    if (typeof candidate.message === "string" && MESSAGES.some((pattern) => pattern.test(candidate.message as string))) return true;
    // Node reports a refused dual-stack connection as an AggregateError of per-address errors.
    if (Array.isArray(candidate.errors) && candidate.errors.some(isDatabaseUnavailable)) return true;
    current = candidate.cause;
  }
  return false;
}
