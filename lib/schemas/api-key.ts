import { z } from "zod";
import { NUL_MESSAGE, REQUIRED_MESSAGE, notTextMessage, withoutNul } from "./fields";

export const API_KEY_NAME_MAX_LENGTH = 100;

/**
 * `createApiKey` in lib/endpoints and the account page's form. The name is the application's, shown
 * to the key's owner and in security events ("Password changed through Acme CRM"). Trimmed
 * before the length checks, so a name of spaces is missing, like an empty one.
 */
export const createApiKeySchema = z.object({
  name: z
    .string({ error: (issue) => notTextMessage(issue.input) })
    .trim()
    .min(1, { error: REQUIRED_MESSAGE })
    .max(API_KEY_NAME_MAX_LENGTH, { error: `Names are at most ${API_KEY_NAME_MAX_LENGTH} characters` })
    .refine(withoutNul, { error: NUL_MESSAGE }),
});

export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;
