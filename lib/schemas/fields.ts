import { z } from "zod";

/**
 * Marks a custom zod issue with the API contract's error code, so the route wrapper can answer
 * with the same code the form shows (e.g. WEAK_PASSWORD). Untagged issues are parameter problems.
 */
export type ContractIssueCode = "WEAK_PASSWORD" | "MISSING_PARAMETERS";

export interface ContractIssueParams {
  contractCode: ContractIssueCode;
}

export const REQUIRED_MESSAGE = "This field is required";

/** Present, a string, not empty: the contract's MISSING_PARAMETERS covers all three. */
export const requiredString = z
  .string({ error: REQUIRED_MESSAGE })
  .min(1, { error: REQUIRED_MESSAGE });
