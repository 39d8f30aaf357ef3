// POST /v1/users/profile/change-password — seed 004 "Update the requesting user's account password".
import { boundedPasswordPairSchema } from "@/lib/schemas/password-change";
import { apiRoute } from "@/lib/server/http/api-route";
import { callerOf } from "@/lib/server/http/caller";
import { statusEnvelopeDialect } from "@/lib/server/http/dialects/status-envelope";
import { changePasswordLimits } from "@/lib/server/http/change-password-limits";
import { changePassword } from "@/lib/server/services/change-password";

export const POST = apiRoute(
  { schema: boundedPasswordPairSchema, auth: "bearer", hashesPassword: true, limits: changePasswordLimits, dialect: statusEnvelopeDialect },
  async ({ body, principal, client }) => {
    await changePassword(callerOf(principal), { ...body, revokeOtherSessions: true }, client);
    return { body: { status: true, data: { passwordChanged: "OK" } } };
  },
);
