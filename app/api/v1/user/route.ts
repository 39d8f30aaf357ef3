// DELETE /api/v1/user — close the caller's account after checking its password (portal addition).
import { deleteAccountSchema } from "@/lib/schemas/email-recovery";
import { clearedUserTokenCookie } from "@/lib/server/auth/cookies";
import { apiRoute } from "@/lib/server/http/api-route";
import { callerOf } from "@/lib/server/http/caller";
import { deleteAccount } from "@/lib/server/services/delete-account";

export const DELETE = apiRoute(
  {
    schema: deleteAccountSchema,
    auth: true,
    allowUnverified: true,
    hashesPassword: true,
    limits: ({ principal }) => [{ policy: "delete-account-per-user", key: principal.session.user.id }],
  },
  async ({ body, principal, client }) => {
    await deleteAccount(callerOf(principal), body, client);
    return { body: { message: "Account deleted" }, cookies: [clearedUserTokenCookie()] };
  },
);
