// POST /api/v1/user/login — exchange email and password for an API token (and userToken cookie).
import { loginSchema } from "@/lib/schemas/auth";
import { apiRoute } from "@/lib/server/http/api-route";
import { presentUser } from "@/lib/server/http/present";
import { deviceCookie, deviceCookieName, userTokenCookie } from "@/lib/server/auth/cookies";
import { signInWithinLimits } from "@/lib/server/services/sign-in-within-limits";

export const POST = apiRoute({ schema: loginSchema }, async ({ body, client, request }) => {
  const device = request.cookies.get(deviceCookieName())?.value;
  const { user, session, token, deviceToken } = await signInWithinLimits(body, "api", client, device);
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
