// POST /api/v1/user/email/confirm — complete a change with the new address's code (signed in) or link (portal addition).
import { confirmEmailChangeSchema } from "@/lib/schemas/email-recovery";
import { apiRoute } from "@/lib/server/http/api-route";
import { callerOf } from "@/lib/server/http/caller";
import { confirmEmailChange } from "@/lib/server/services/confirm-email-change";

export const POST = apiRoute(
  {
    schema: confirmEmailChangeSchema,
    auth: "optional",
    allowUnverified: true,
    limits: ({ principal, clientIp }) => [
      { policy: "email-confirm-per-ip", key: clientIp },
      ...(principal ? [{ policy: "email-confirm-per-user" as const, key: principal.session.user.id }] : []),
    ],
  },
  async ({ body, principal, client }) => {
    const { email } = await confirmEmailChange(body, principal && callerOf(principal), client);
    return { body: { message: "Email changed", email } };
  },
);
