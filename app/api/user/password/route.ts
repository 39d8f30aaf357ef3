// PATCH /api/user/password — seed 002 "Update User Password": an application's x-api-key plus the user's Bearer token.
import { passwordPairSchema } from "@/lib/schemas/password-change";
import { apiRoute } from "@/lib/server/http/api-route";
import { callerOf } from "@/lib/server/http/caller";
import { changePasswordLimits } from "@/lib/server/http/change-password-limits";
import { successFlagDialect } from "@/lib/server/http/dialects/success-flag";
import { changePassword } from "@/lib/server/services/change-password";

export const PATCH = apiRoute(
  {
    apiKey: true,
    schema: passwordPairSchema,
    auth: "bearer",
    hashesPassword: true,
    limits: changePasswordLimits,
    dialect: successFlagDialect,
  },
  async ({ body, principal, client, application }) => {
    await changePassword(callerOf(principal), { ...body, revokeOtherSessions: true }, client, { application });
    return { body: { success: true, message: "Password updated successfully" } };
  },
);
