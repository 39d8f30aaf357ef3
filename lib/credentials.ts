// The rules for emails and passwords, without zod: the pages import these in their first bundle
// (limits for hints, the policy for the forms), the schemas and the services build on them.
import { isCommonPassword } from "#common-passwords";

export { isCommonPassword };

/** Emails are stored and compared in one form: NFKC, trimmed, lower case. */
export function normalizeEmail(email: string): string {
  return email.normalize("NFKC").trim().toLowerCase();
}

export const EMAIL_MAX_LENGTH = 254;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** Under every field where a new password is chosen. */
export const NEW_PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong, memorable password.`;

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

/** Every rule the password breaks, as messages for a person. Empty when it is acceptable. */
export async function passwordPolicyProblems(password: string, context: PasswordContext = {}): Promise<string[]> {
  return [...(await standingPasswordProblems(password)), ...accountPasswordProblems(password, context)];
}

/** The rules any password meets whoever chooses it: its length, and not a common one. */
export async function standingPasswordProblems(password: string): Promise<string[]> {
  const problems: string[] = [];
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) problems.push(`Use at least ${PASSWORD_MIN_LENGTH} characters`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`Use at most ${PASSWORD_MAX_LENGTH} characters`);
  if (await isCommonPassword(normalizePassword(password).toLowerCase())) problems.push("This is a commonly used password; choose another");
  return problems;
}

/**
 * The rules that need the account: not its email address, not its name. The schemas check what
 * the request itself names; the services add what only the account knows (after the standing
 * rules passed at the schema edge), so each rule runs once per request.
 */
export function accountPasswordProblems(password: string, context: PasswordContext): string[] {
  const problems: string[] = [];
  const folded = normalizePassword(password).toLowerCase();
  if (context.email) {
    const email = normalizeEmail(context.email);
    const localPart = email.split("@")[0];
    if (folded === email || folded === localPart) problems.push("Do not use your email address as your password");
  }
  const name = context.name?.normalize("NFKC").trim().toLowerCase();
  if (name && folded === name) problems.push("Do not use your name as your password");
  return problems;
}
