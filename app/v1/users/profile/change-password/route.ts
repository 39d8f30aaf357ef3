// POST /v1/users/profile/change-password — seed 004 "Update the requesting user's account password".
import { seed004ChangePassword } from "@/lib/endpoints/seeds";
import { apiRoute } from "@/lib/server/http/api-route";
import { callerOf } from "@/lib/server/http/caller";
import { changePassword } from "@/lib/server/features/change-password/change-password";

export const POST = apiRoute(seed004ChangePassword, async ({ body, principal, client }) => {
  await changePassword(callerOf(principal), { ...body, revokeOtherSessions: true }, client);
  return { body: { status: true, data: { passwordChanged: "OK" } } };
});
