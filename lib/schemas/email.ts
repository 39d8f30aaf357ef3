import { z } from "zod";
import { EMAIL_MAX_LENGTH, normalizeEmail } from "../credentials";
import { requiredString } from "./fields";

export { EMAIL_MAX_LENGTH, normalizeEmail };

export const emailSchema = requiredString
  .transform(normalizeEmail)
  .pipe(
    z
      .email({ error: "Enter a valid email address" })
      .max(EMAIL_MAX_LENGTH, { error: "Email addresses are at most 254 characters" }),
  );
