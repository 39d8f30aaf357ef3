import { z } from "zod";
import { emailSchema, lookupEmail, optionalLookupEmail } from "./email";
import { kindOf, REQUIRED_MESSAGE, requiredString, type ContractIssueParams } from "./fields";
import { addPasswordPolicyIssues } from "./password";

/** The emailed code: exactly six digits. Anything longer is the link's token. */
export const RESET_CODE = /^\d{6}$/;

/** `forgotPassword` in lib/endpoints and step 1 of /forgot-password. */
export const forgotPasswordSchema = z.object({ email: emailSchema });
export type ForgotPasswordInput = z.infer<typeof forgotPasswordSchema>;

const optionalString = z.string({ error: (issue) => `Expected text, got ${kindOf(issue.input)}` }).optional();

/**
 * `confirmResetCode` in lib/endpoints and step 2. A six-digit code must come with its email: a
 * short code alone must never identify an account.
 */
export const confirmResetSchema = z
  .object({ resetToken: requiredString.transform((value) => value.trim()), email: optionalLookupEmail })
  .superRefine((input, ctx) => {
    if (RESET_CODE.test(input.resetToken) && !input.email?.trim()) {
      const params: ContractIssueParams = { contractCode: "MISSING_PARAMETERS" };
      ctx.addIssue({ code: "custom", path: ["email"], message: REQUIRED_MESSAGE, params, input: input.email });
    }
  });
export type ConfirmResetInput = z.infer<typeof confirmResetSchema>;

const resetPasswordFields = z.object({
  email: lookupEmail,
  password: requiredString,
  /** Proof of confirmation when the reset cookie is not available (third-party clients). */
  resetToken: optionalString,
});

/** The reset endpoint's body. The policy's context is the email being reset. */
export const resetPasswordSchema = resetPasswordFields.superRefine(async (input, ctx) => {
  await addPasswordPolicyIssues(ctx, input.password, { email: input.email }, ["password"]);
});
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

export const RESET_PASSWORDS_DIFFER = "The passwords do not match";

/** Step 3 of /forgot-password: the endpoint's schema plus a confirmation field. */
export const resetPasswordFormSchema = resetPasswordFields
  .extend({ confirmPassword: z.string({ error: REQUIRED_MESSAGE }).min(1, { error: REQUIRED_MESSAGE }) })
  .superRefine(async (input, ctx) => {
    await addPasswordPolicyIssues(ctx, input.password, { email: input.email }, ["password"]);
    if (input.confirmPassword !== input.password) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: RESET_PASSWORDS_DIFFER, input: input.confirmPassword });
    }
  });
export type ResetPasswordFormValues = z.input<typeof resetPasswordFormSchema>;
