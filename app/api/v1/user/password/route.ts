// PATCH /api/v1/user/password — seed 000 "Update User Password": change the caller's password.
import { changePasswordSchema } from "@/lib/schemas/password-change";
import { apiRoute } from "@/lib/server/http/api-route";
import { callerOf } from "@/lib/server/http/caller";
import { changePasswordLimits } from "@/lib/server/http/change-password-limits";
import { changePassword } from "@/lib/server/services/change-password";

export const PATCH = apiRoute(
  { schema: changePasswordSchema, auth: true, hashesPassword: true, limits: changePasswordLimits },
  async ({ body, principal, client }) => {
    await changePassword(callerOf(principal), body, client);
    return { body: { message: "Password updated successfully" } };
  },
);
