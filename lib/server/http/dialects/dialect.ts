import "server-only";
import type { AppError } from "../../errors";

/**
 * How one API surface writes an error on the wire. Every surface throws the same AppError codes
 * (lib/server/errors.ts, the one table); a dialect decides only the status and the body, so the
 * seeds' clients read the shapes they were written against.
 */
export interface ErrorDialect {
  name: string;
  present(error: AppError, requestId: string): { status: number; body: Record<string, unknown> };
}

/** "oldPassword: Expected text, got a number; newPassword: Use at least 8 characters" */
export function describeFieldErrors(error: AppError): string {
  return Object.entries(error.fieldErrors ?? {})
    .map(([field, messages]) => `${field}: ${messages.join(", ")}`)
    .join("; ");
}
