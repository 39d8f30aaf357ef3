import { z } from "zod";
import "../zod-jitless";

/**
 * Marks a custom zod issue with the API contract's error code, so the route wrapper can answer
 * with the same code the form shows (e.g. WEAK_PASSWORD). Untagged issues are parameter problems.
 */
export type ContractIssueCode = "WEAK_PASSWORD" | "MISSING_PARAMETERS";

export interface ContractIssueParams {
  contractCode: ContractIssueCode;
}

export const REQUIRED_MESSAGE = "This field is required";

/** "a number", "a list", …: what a field held instead of what was expected, for the message. */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

/** For a required text field: absent (or null) is "required", anything else says what came. */
export function notTextMessage(input: unknown): string {
  return input === undefined || input === null ? REQUIRED_MESSAGE : `Expected text, got ${kindOf(input)}`;
}

/**
 * Present, a string, not empty. Absent, null or empty is MISSING_PARAMETERS; a value of another
 * type (`{"email": 5}`) is INVALID_PARAMETERS, saying what was expected (lib/server/http/validate.ts).
 */
export const requiredString = z
  .string({ error: (issue) => notTextMessage(issue.input) })
  .min(1, { error: REQUIRED_MESSAGE });

export const NUL_MESSAGE = "Text cannot contain the NUL character (U+0000)";

/**
 * Text that is stored or looked up in the database. PostgreSQL text cannot hold U+0000: a value
 * with one would reach the query as a database error (a 500), so it is refused as bad input here.
 * Passwords do not need this: they are only hashed, and bcrypt hashes every byte.
 */
export const withoutNul = (text: string) => !text.includes("\u0000");

/** A required text field whose value is stored or looked up. */
export const requiredStoredText = requiredString.refine(withoutNul, { error: NUL_MESSAGE });
