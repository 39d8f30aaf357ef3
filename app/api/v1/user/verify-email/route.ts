// POST /api/v1/user/verify-email — prove the account's address: the code (signed in) or the link's token (portal addition).
import { verifyEmailSchema } from "@/lib/schemas/email-recovery";
import { apiRoute } from "@/lib/server/http/api-route";
import { callerOf } from "@/lib/server/http/caller";
import { verifyEmail } from "@/lib/server/services/verify-email";

export const POST = apiRoute(
  {
    schema: verifyEmailSchema,
    auth: "optional",
    allowUnverified: true,
    limits: ({ principal, clientIp }) => [
      { policy: "verify-email-per-ip", key: clientIp },
      ...(principal ? [{ policy: "verify-email-per-user" as const, key: principal.session.user.id }] : []),
    ],
  },
  async ({ body, principal, client }) => {
    const { email } = await verifyEmail(body, principal && callerOf(principal), client);
    return { body: { message: "Email verified", email } };
  },
);
