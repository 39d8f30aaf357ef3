import { z } from "zod";
import { requiredString, REQUIRED_MESSAGE } from "./fields";
import {
  addPasswordPolicyIssues,
  normalizePassword,
  passwordLength,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type PasswordContext,
} from "./password";

const changePasswordFields = z.object({
  oldPassword: requiredString,
  newPassword: requiredString,
  /** The contract's default: a password change signs out every other session and token. */
  revokeOtherSessions: z.boolean({ error: "Must be true or false" }).default(true),
});

/**
 * `changePassword` in lib/endpoints. The rules that need the account (not its email or name) are
 * checked here; the service adds the ones that do, with the same function.
 */
export const changePasswordSchema = changePasswordFields.superRefine(async (input, ctx) => {
  await addPasswordPolicyIssues(ctx, input.newPassword, {}, ["newPassword"]);
});

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/**
 * Seeds 002 and 003 (lib/endpoints/seeds.ts): the two
 * passwords only. Their clients know no `revokeOtherSessions`; a change always signs out every
 * other session and token, as the contract's default does.
 */
export const passwordPairSchema = changePasswordFields
  .pick({ oldPassword: true, newPassword: true })
  .superRefine(async (input, ctx) => {
    await addPasswordPolicyIssues(ctx, input.newPassword, {}, ["newPassword"]);
  });

export type PasswordPairInput = z.infer<typeof passwordPairSchema>;

export const BOUNDED_PASSWORD_MESSAGE = `Use ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`;
const boundedPassword = requiredString.refine(
  (password) => passwordLength(password) >= PASSWORD_MIN_LENGTH && passwordLength(password) <= PASSWORD_MAX_LENGTH,
  { error: BOUNDED_PASSWORD_MESSAGE },
);

/**
 * Seed 004 (`seed004ChangePassword` in lib/endpoints): its documentation bounds both passwords
 * to 8–128 characters (counted as the policy counts them), the old one included.
 */
export const boundedPasswordPairSchema = z
  .object({ oldPassword: boundedPassword, newPassword: requiredString })
  .superRefine(async (input, ctx) => {
    await addPasswordPolicyIssues(ctx, input.newPassword, {}, ["newPassword"]);
  });

export const PASSWORDS_DIFFER_MESSAGE = "The new passwords do not match";
export const SAME_PASSWORD_MESSAGE = "New password cannot be the same as the old password";

/**
 * The account page's form: the endpoint's schema plus a confirmation field, and the policy rules
 * that need the signed-in person's email and name (the server checks them too).
 */
export function changePasswordFormSchema(account: PasswordContext) {
  return changePasswordFields
    .extend({ confirmNewPassword: z.string({ error: REQUIRED_MESSAGE }).min(1, { error: REQUIRED_MESSAGE }) })
    .superRefine(async (input, ctx) => {
      await addPasswordPolicyIssues(ctx, input.newPassword, account, ["newPassword"]);
      if (normalizePassword(input.newPassword) === normalizePassword(input.oldPassword)) {
        ctx.addIssue({ code: "custom", path: ["newPassword"], message: SAME_PASSWORD_MESSAGE, input: input.newPassword });
      }
      if (input.confirmNewPassword !== input.newPassword) {
        ctx.addIssue({ code: "custom", path: ["confirmNewPassword"], message: PASSWORDS_DIFFER_MESSAGE, input: input.confirmNewPassword });
      }
    });
}

export type ChangePasswordFormValues = z.input<ReturnType<typeof changePasswordFormSchema>>;
