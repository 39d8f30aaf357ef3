import { z } from "zod";
import { normalizeEmail } from "./email";
import type { ContractIssueParams } from "./fields";

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** Passwords are compared and hashed in NFKC, so "ｐａｓｓ" and "pass" are the same password. */
export function normalizePassword(password: string): string {
  return password.normalize("NFKC");
}

/** Characters as a person counts them (code points), not UTF-16 units or bytes. */
export function passwordLength(password: string): number {
  return [...normalizePassword(password)].length;
}

export interface PasswordContext {
  email?: string | null;
  name?: string | null;
}

let commonPasswords: Promise<Set<string>> | undefined;

/**
 * The 49,000-entry common-password list of @zxcvbn-ts/language-common (lower case). Loaded on
 * first use so forms do not carry it in their first bundle.
 */
function loadCommonPasswords(): Promise<Set<string>> {
  commonPasswords ??= import("@zxcvbn-ts/language-common").then(
    ({ dictionary }) => new Set(dictionary.passwords as string[]),
  );
  return commonPasswords;
}

export async function isCommonPassword(password: string): Promise<boolean> {
  return (await loadCommonPasswords()).has(normalizePassword(password).toLowerCase());
}

/** Every rule the password breaks, as messages for a person. Empty when it is acceptable. */
export async function passwordPolicyProblems(password: string, context: PasswordContext = {}): Promise<string[]> {
  const problems: string[] = [];
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) problems.push(`Use at least ${PASSWORD_MIN_LENGTH} characters`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`Use at most ${PASSWORD_MAX_LENGTH} characters`);

  const folded = normalizePassword(password).toLowerCase();
  if (await isCommonPassword(password)) problems.push("This is a commonly used password; choose another");
  if (context.email) {
    const email = normalizeEmail(context.email);
    const localPart = email.split("@")[0];
    if (folded === email || folded === localPart) problems.push("Do not use your email address as your password");
  }
  const name = context.name?.normalize("NFKC").trim().toLowerCase();
  if (name && folded === name) problems.push("Do not use your name as your password");
  return problems;
}

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
