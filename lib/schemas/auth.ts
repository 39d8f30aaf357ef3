import { z } from "zod";
import { emailSchema, lookupEmail } from "./email";
import { NUL_MESSAGE, requiredString, withoutNul } from "./fields";
import { addPasswordPolicyIssues } from "./password";

export const NAME_MAX_LENGTH = 100;

const nameSchema = z
  .string({ error: "Name must be text" })
  .trim()
  .max(NAME_MAX_LENGTH, { error: `Names are at most ${NAME_MAX_LENGTH} characters` })
  .refine(withoutNul, { error: NUL_MESSAGE })
  .transform((name) => name || undefined)
  .optional();

/** `register` in lib/endpoints and the sign-up form. */
export const registerSchema = z
  .object({ email: emailSchema, password: requiredString, name: nameSchema })
  .superRefine(async (input, ctx) => {
    await addPasswordPolicyIssues(ctx, input.password, { email: input.email, name: input.name }, ["password"]);
  });

export type RegisterInput = z.infer<typeof registerSchema>;

/**
 * `login` in lib/endpoints and the sign-in form. The email's shape is deliberately not checked:
 * a malformed address is just another unknown account (the same 401).
 */
export const loginSchema = z.object({ email: lookupEmail, password: requiredString });

export type LoginInput = z.infer<typeof loginSchema>;
