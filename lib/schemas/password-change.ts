import { z } from "zod";
import { requiredString, REQUIRED_MESSAGE } from "./fields";
import { addPasswordPolicyIssues, normalizePassword, type PasswordContext } from "./password";

const changePasswordFields = z.object({
  oldPassword: requiredString,
  newPassword: requiredString,
  /** The contract's default: a password change signs out every other session and token. */
  revokeOtherSessions: z.boolean({ error: "Must be true or false" }).default(true),
});

/**
 * PATCH /api/v1/user/password. The rules that need the account (not its email or name) are
 * checked here; the service adds the ones that do, with the same function.
 */
export const changePasswordSchema = changePasswordFields.superRefine(async (input, ctx) => {
  await addPasswordPolicyIssues(ctx, input.newPassword, {}, ["newPassword"]);
});

export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

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
