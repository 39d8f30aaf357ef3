// DELETE /api/v1/user — close the caller's account after checking its password (portal addition).
import { deleteAccount as deleteAccountEndpoint } from "@/lib/endpoints/email";
import { clearedUserTokenCookie } from "@/lib/server/auth/cookies";
import { apiRoute } from "@/lib/server/http/api-route";
import { callerOf } from "@/lib/server/http/caller";
import { deleteAccount } from "@/lib/server/features/account-deletion/delete-account";

export const DELETE = apiRoute(deleteAccountEndpoint, async ({ body, principal, client }) => {
  await deleteAccount(callerOf(principal), body, client);
  return { body: { message: "Account deleted" }, cookies: [clearedUserTokenCookie()] };
});
