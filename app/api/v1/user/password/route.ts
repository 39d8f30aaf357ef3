// PATCH /api/v1/user/password — seed 000 "Update User Password": change the caller's password.
import { changePassword as changePasswordEndpoint } from "@/lib/endpoints/password";
import { apiRoute } from "@/lib/server/http/api-route";
import { callerOf } from "@/lib/server/http/caller";
import { changePassword } from "@/lib/server/features/change-password/change-password";

export const PATCH = apiRoute(changePasswordEndpoint, async ({ body, principal, client }) => {
  await changePassword(callerOf(principal), body, client);
  return { body: { message: "Password updated successfully" } };
});
