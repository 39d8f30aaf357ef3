import "server-only";
import type { z } from "zod";
import type { ContractIssueParams } from "@/lib/schemas/fields";
import { AppError, type ErrorCode, type FieldErrors } from "../errors";

/** Which contract error a zod issue stands for. Absent, null and empty are "missing". */
function errorCodeOf(issue: z.core.$ZodIssue): ErrorCode {
  if (issue.code === "custom") {
    return (issue.params as Partial<ContractIssueParams> | undefined)?.contractCode ?? "INVALID_PARAMETERS";
  }
  // A field that is absent (or null) is missing; one that is present with the wrong type
  // ({"email": 5}, revokeOtherSessions: "yes") is invalid, and its message says what was expected.
  if (issue.code === "invalid_type") {
    const absent = issue.input === undefined || issue.input === null;
    return issue.expected === "string" && absent ? "MISSING_PARAMETERS" : "INVALID_PARAMETERS";
  }
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
  // reportInput: the issue carries the value, so absent and wrong-typed fields can be told apart.
  const result = await schema.safeParseAsync(input, { reportInput: true });
  if (!result.success) throw issuesToAppError(result.error.issues);
  return result.data;
}
