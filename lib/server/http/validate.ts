import "server-only";
import type { z } from "zod";
import type { ContractIssueParams } from "@/lib/schemas/fields";
import { AppError, type ErrorCode, type FieldErrors } from "../errors";

/** Which contract error a zod issue stands for. Absent, empty and non-string are all "missing". */
function errorCodeOf(issue: z.core.$ZodIssue): ErrorCode {
  if (issue.code === "custom") {
    return (issue.params as Partial<ContractIssueParams> | undefined)?.contractCode ?? "INVALID_PARAMETERS";
  }
  // The contract counts a required string that is absent or not a string as missing; a value
  // of the wrong type for an optional non-string field (revokeOtherSessions: "yes") is invalid.
  if (issue.code === "invalid_type") return issue.expected === "string" ? "MISSING_PARAMETERS" : "INVALID_PARAMETERS";
  if (issue.code === "too_small" && issue.origin === "string" && issue.minimum === 1) return "MISSING_PARAMETERS";
  return "INVALID_PARAMETERS";
}

/** The most basic problem wins: a request missing a field is told that before anything else. */
const PRECEDENCE: ErrorCode[] = ["MISSING_PARAMETERS", "INVALID_PARAMETERS", "WEAK_PASSWORD"];

export function issuesToAppError(issues: z.core.$ZodIssue[]): AppError {
  const coded = issues.map((issue) => ({ issue, code: errorCodeOf(issue) }));
  const code = PRECEDENCE.find((candidate) => coded.some((entry) => entry.code === candidate)) ?? "INVALID_PARAMETERS";
  const errors: FieldErrors = {};
  for (const { issue } of coded.filter((entry) => entry.code === code)) {
    const field = issue.path.map(String).join(".") || "body";
    (errors[field] ??= []).push(issue.message);
  }
  return new AppError(code, errors);
}

export async function validate<S extends z.ZodType>(schema: S, input: unknown): Promise<z.output<S>> {
  const result = await schema.safeParseAsync(input);
  if (!result.success) throw issuesToAppError(result.error.issues);
  return result.data;
}
