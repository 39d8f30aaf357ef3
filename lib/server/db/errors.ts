import "server-only";

// The two drivers report the same database condition in different shapes: adapter-pg maps
// PostgreSQL errors to Prisma codes (P2002), pglite-prisma-adapter 0.6 passes the raw SQLSTATE
// (23505) through a DriverAdapterError. These helpers look through the whole `cause` chain.

function someInChain(error: unknown, matches: (candidate: Record<string, unknown>) => boolean): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length) {
    const current = queue.shift();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const candidate = current as Record<string, unknown>;
    if (matches(candidate)) return true;
    queue.push(candidate.cause);
    // Node reports a refused dual-stack connection as an AggregateError of per-address errors.
    if (Array.isArray(candidate.errors)) queue.push(...candidate.errors);
  }
  return false;
}

const UNIQUE_CODES = new Set(["P2002", "23505"]);

/** A unique constraint refused the write (e.g. two sign-ups racing for one email). */
export function isUniqueViolation(error: unknown): boolean {
  return someInChain(
    error,
    (candidate) =>
      (typeof candidate.code === "string" && UNIQUE_CODES.has(candidate.code)) ||
      candidate.kind === "UniqueConstraintViolation",
  );
}

/** A conditional update or delete found no row to change (Prisma's P2025). */
export function isRecordNotFound(error: unknown): boolean {
  return someInChain(error, (candidate) => candidate.code === "P2025");
}

// Connection-level failures: the database is down or unreachable, not the query wrong.
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH",
  "57P01", "57P03", // admin shutdown, cannot connect now
  "P1001", "P1002", "P1008", "P1017",
]);
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TlsConnectionError"]);
const UNAVAILABLE_MESSAGES = [/timeout exceeded when trying to connect/i, /connection terminated/i, /Can't reach database server/i];

/**
 * The database answers but lacks migrations this build ships: not ready to serve, answered as
 * unavailable (503 with Retry-After) until the migration step has run.
 */
export class SchemaBehindError extends Error {
  readonly code = "SCHEMA_BEHIND";

  constructor(readonly pending: string[]) {
    super(`the database lacks migrations this build ships: ${pending.join(", ")}`);
    this.name = "SchemaBehindError";
  }
}

/** True when an error (or anything in its `cause` chain) says the database cannot be reached or is not migrated yet. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return someInChain(
    error,
    (candidate) =>
      candidate instanceof SchemaBehindError ||
      (typeof candidate.code === "string" && UNAVAILABLE_CODES.has(candidate.code)) ||
      (typeof candidate.kind === "string" && UNAVAILABLE_KINDS.has(candidate.kind)) ||
      (typeof candidate.message === "string" && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(candidate.message as string))),
  );
}
