// POST /api/v1/user/email — ask to move the account to a new address; both addresses are mailed (portal addition).
import { changeEmailSchema } from "@/lib/schemas/email-recovery";
import { apiRoute } from "@/lib/server/http/api-route";
import { callerOf } from "@/lib/server/http/caller";
import { requestEmailChange } from "@/lib/server/services/request-email-change";

export const POST = apiRoute(
  {
    schema: changeEmailSchema,
    auth: true,
    allowUnverified: true,
    hashesPassword: true,
    limits: ({ principal, clientIp }) => [
      { policy: "email-change-per-ip", key: clientIp },
      { policy: "email-change-per-user", key: principal.session.user.id },
    ],
  },
  async ({ body, principal, client }) => {
    await requestEmailChange(callerOf(principal), body, client);
    // The same answer whether or not the new address has an account.
    return { status: 202, body: { message: "Confirmation sent", pendingEmail: body.newEmail } };
  },
);
