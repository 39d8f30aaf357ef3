// POST /api/v1/user/login — exchange email and password for an API token (and userToken cookie).
import { login } from "@/lib/endpoints/sign-in";
import { apiRoute } from "@/lib/server/http/api-route";
import { presentUser } from "@/lib/server/http/present";
import { deviceCookie, userTokenCookie } from "@/lib/server/auth/cookies";
import { signInWithinLimits } from "@/lib/server/features/sign-in/sign-in-within-limits";

export const POST = apiRoute(login, async ({ body, client }) => {
  const { user, session, token, deviceToken } = await signInWithinLimits(body, "api", client);
  return {
    body: {
      message: "Login successful",
      token,
      expiresAt: session.expiresAt.toISOString(),
      user: presentUser(user),
    },
    cookies: [userTokenCookie(token!, session.expiresAt), deviceCookie(deviceToken)],
  };
});
