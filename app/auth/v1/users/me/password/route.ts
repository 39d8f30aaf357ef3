// PUT /auth/v1/users/me/password — seed 003 (Zitadel's auth API "Change Password"): change the caller's password.
import { passwordPairSchema } from "@/lib/schemas/password-change";
import { config } from "@/lib/server/config";
import { apiRoute } from "@/lib/server/http/api-route";
import { callerOf } from "@/lib/server/http/caller";
import { zitadelDialect } from "@/lib/server/http/dialects/zitadel";
import { changePasswordLimits } from "@/lib/server/http/change-password-limits";
import { changePassword } from "@/lib/server/services/change-password";

export const PUT = apiRoute(
  { schema: passwordPairSchema, auth: "bearer", hashesPassword: true, limits: changePasswordLimits, dialect: zitadelDialect },
  async ({ body, principal, client }) => {
    const { changeSequence, changedAt } = await changePassword(callerOf(principal), { ...body, revokeOtherSessions: true }, client);
    const when = changedAt.toISOString();
    return {
      body: {
        details: { sequence: String(changeSequence), creationDate: when, changeDate: when, resourceOwner: config().resourceOwnerId },
      },
    };
  },
);
