import { z } from "zod";
import { REQUIRED_MESSAGE, requiredStoredText, requiredString } from "./fields";

// Two-step verification's bodies, shared by the account page's forms and the route handlers.

/** Setting up the app asks for the password first. */
export const totpEnrolmentSchema = z.object({ password: requiredString });
export type TotpEnrolmentInput = z.infer<typeof totpEnrolmentSchema>;

/** A code from the app, or a recovery code where one is taken: checked by the server, not for shape here. */
const secondFactorCode = requiredStoredText.transform((value) => value.trim());

export const totpConfirmSchema = z.object({ code: secondFactorCode });
export type TotpConfirmInput = z.infer<typeof totpConfirmSchema>;

/** Turning the app off or making new recovery codes: the password and a code (app or recovery). */
export const twoFactorStepUpSchema = z.object({ password: requiredString, code: secondFactorCode });
export type TwoFactorStepUpInput = z.infer<typeof twoFactorStepUpSchema>;

/** A sign-in's second step: the challenge the password step answered, and an app code or a recovery code. */
export const secondFactorSchema = z
  .object({ challenge: requiredStoredText, code: secondFactorCode.optional(), recoveryCode: secondFactorCode.optional() })
  .superRefine((value, context) => {
    if (value.code === undefined && value.recoveryCode === undefined) {
      context.addIssue({ code: "custom", path: ["code"], message: REQUIRED_MESSAGE, params: { contractCode: "MISSING_PARAMETERS" } });
    }
  })
  .transform(({ challenge, code, recoveryCode }) => ({ challenge, code: (code ?? recoveryCode)! }));
export type SecondFactorInput = z.infer<typeof secondFactorSchema>;
