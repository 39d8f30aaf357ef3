import { z } from "zod";
import { requiredString } from "./fields";

/** Emails are stored and compared in one form: NFKC, trimmed, lower case. */
export function normalizeEmail(email: string): string {
  return email.normalize("NFKC").trim().toLowerCase();
}

export const EMAIL_MAX_LENGTH = 254;

export const emailSchema = requiredString
  .transform(normalizeEmail)
  .pipe(
    z
      .email({ error: "Enter a valid email address" })
      .max(EMAIL_MAX_LENGTH, { error: "Email addresses are at most 254 characters" }),
  );
