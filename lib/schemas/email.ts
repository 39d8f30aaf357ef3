import { z } from "zod";
import { EMAIL_MAX_LENGTH, normalizeEmail } from "../credentials";
import { kindOf, NUL_MESSAGE, requiredStoredText, requiredString, withoutNul } from "./fields";

export { EMAIL_MAX_LENGTH, normalizeEmail };

export const emailSchema = requiredString
  .transform(normalizeEmail)
  .pipe(
    z
      .email({ error: "Enter a valid email address" })
      .max(EMAIL_MAX_LENGTH, { error: "Email addresses are at most 254 characters" }),
  );

/**
 * An email that is only looked up (sign-in, a reset): normalised here, once, like a stored one,
 * but its shape is not checked, since a malformed address is just another unknown account.
 */
export const lookupEmail = requiredStoredText.transform(normalizeEmail);

/** The same, where the field may be left out (a reset code's email comes with the code only). */
export const optionalLookupEmail = z
  .string({ error: (issue) => `Expected text, got ${kindOf(issue.input)}` })
  .refine(withoutNul, { error: NUL_MESSAGE })
  .transform(normalizeEmail)
  .optional();
