import { z } from "zod";
import { emailSchema } from "./email";
import { kindOf, REQUIRED_MESSAGE, requiredStoredText, requiredString, withoutNul, NUL_MESSAGE, type ContractIssueParams } from "./fields";

/** The emailed six-digit code. */
export const EMAIL_CODE = /^\d{6}$/;
export const CODE_SHAPE_MESSAGE = "Enter the 6-digit code from the email";

const optionalText = z
  .string({ error: (issue) => `Expected text, got ${kindOf(issue.input)}` })
  .transform((value) => value.trim())
  .refine(withoutNul, { error: NUL_MESSAGE })
  .optional();

/**
 * A code (signed in) or a link's token (no session needed): verify-email and email/confirm.
 * Neither is MISSING_PARAMETERS; a code that is not six digits is just a wrong one (INVALID_OTP).
 */
const codeOrToken = z
  .object({ code: optionalText, token: optionalText })
  .superRefine((input, ctx) => {
    if (!input.code && !input.token) {
      const params: ContractIssueParams = { contractCode: "MISSING_PARAMETERS" };
      ctx.addIssue({ code: "custom", path: ["code"], message: REQUIRED_MESSAGE, params, input: input.code });
    }
  })
  .transform(({ code, token }) => (code ? { code } : { token: token! }));

/** `verifyEmail` in lib/endpoints. */
export const verifyEmailSchema = codeOrToken;
export type VerifyEmailInput = z.infer<typeof verifyEmailSchema>;

/** `confirmEmailChange` in lib/endpoints. */
export const confirmEmailChangeSchema = codeOrToken;
export type ConfirmEmailChangeInput = z.infer<typeof confirmEmailChangeSchema>;

/** The banner's code input on /account and the change form's second step. */
export const emailCodeFormSchema = z.object({ code: z.string().trim().regex(EMAIL_CODE, { error: CODE_SHAPE_MESSAGE }) });
export type EmailCodeFormValues = z.input<typeof emailCodeFormSchema>;

/** `changeEmail` in lib/endpoints and the change-email form. */
export const changeEmailSchema = z.object({ newEmail: emailSchema, password: requiredString });
export type ChangeEmailInput = z.infer<typeof changeEmailSchema>;

/** `revertEmailChange` in lib/endpoints: the "this wasn't me" link of a pending change, or a completed change's undo link. */
export const revertEmailChangeSchema = z.object({ token: requiredStoredText.transform((value) => value.trim()) });
export type RevertEmailChangeInput = z.infer<typeof revertEmailChangeSchema>;

/** `deleteAccount` in lib/endpoints. */
export const deleteAccountSchema = z.object({ password: requiredString });
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;

export const DELETE_CONFIRMATION_MESSAGE = "Type your email address exactly as shown";

/** The "Delete account" form: the endpoint's schema plus the account's email typed out. */
export const deleteAccountFormSchema = (email: string) =>
  deleteAccountSchema.extend({ confirmation: z.string() }).refine((input) => input.confirmation.trim().toLowerCase() === email, {
    path: ["confirmation"],
    error: DELETE_CONFIRMATION_MESSAGE,
  });
export type DeleteAccountFormValues = z.input<ReturnType<typeof deleteAccountFormSchema>>;
