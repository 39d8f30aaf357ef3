// POST /api/v1/user/logout — revoke the session or token that made the call (portal addition).
import { logout } from "@/lib/endpoints/sign-in";
import { apiRoute } from "@/lib/server/http/api-route";
import { clearedUserTokenCookie } from "@/lib/server/auth/cookies";
import { endSession } from "@/lib/server/services/sessions";

export const POST = apiRoute(logout, async ({ principal, client }) => {
  const { session } = principal;
  await endSession({ id: session.id, userId: session.user.id }, client);
  return { body: { message: "Logged out" }, cookies: [clearedUserTokenCookie()] };
});
