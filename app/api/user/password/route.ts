// PATCH /api/user/password — seed 002 "Update User Password": an application's x-api-key plus the user's Bearer token.
import { seed002ChangePassword } from "@/lib/endpoints/seeds";
import { apiRoute } from "@/lib/server/http/api-route";
import { callerOf } from "@/lib/server/http/caller";
import { changePassword } from "@/lib/server/features/change-password/change-password";

export const PATCH = apiRoute(seed002ChangePassword, async ({ body, principal, client, application }) => {
  await changePassword(callerOf(principal), { ...body, revokeOtherSessions: true }, client, { application });
  return { body: { success: true, message: "Password updated successfully" } };
});
