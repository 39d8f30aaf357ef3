import type { z } from "zod";
import { passwordPolicyProblems, type PasswordContext } from "../credentials";
import type { ContractIssueParams } from "./fields";

// The rules live in lib/credentials.ts (no zod, so pages can import them up front); re-exported
// here for the code that has always found them beside the schemas.
export {
  isCommonPassword,
  normalizePassword,
  passwordLength,
  accountPasswordProblems,
  passwordPolicyProblems,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type PasswordContext,
} from "../credentials";

/** Adds one WEAK_PASSWORD issue per broken rule, at `path`. */
export async function addPasswordPolicyIssues(
  ctx: z.RefinementCtx,
  password: string,
  context: PasswordContext,
  path: PropertyKey[],
): Promise<void> {
  const params: ContractIssueParams = { contractCode: "WEAK_PASSWORD" };
  for (const message of await passwordPolicyProblems(password, context)) {
    ctx.addIssue({ code: "custom", message, path, params, input: password });
  }
}
