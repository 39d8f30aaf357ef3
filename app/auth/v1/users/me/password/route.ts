// PUT /auth/v1/users/me/password — seed 003 (Zitadel's auth API "Change Password"): change the caller's password.
import { seed003ChangePassword } from "@/lib/endpoints/seeds";
import { config } from "@/lib/server/config";
import { apiRoute } from "@/lib/server/http/api-route";
import { callerOf } from "@/lib/server/http/caller";
import { changePassword } from "@/lib/server/features/change-password/change-password";

export const PUT = apiRoute(seed003ChangePassword, async ({ body, principal, client }) => {
  const { changeSequence, changedAt } = await changePassword(callerOf(principal), { ...body, revokeOtherSessions: true }, client);
  const when = changedAt.toISOString();
  return {
    body: {
      details: { sequence: String(changeSequence), creationDate: when, changeDate: when, resourceOwner: config().resourceOwnerId },
    },
  };
});
