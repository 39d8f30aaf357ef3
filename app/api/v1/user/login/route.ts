// POST /api/v1/user/login — exchange email and password for an API token (and userToken cookie).
import { loginSchema } from "@/lib/schemas/auth";
import { apiRoute } from "@/lib/server/http/api-route";
import { presentUser } from "@/lib/server/http/present";
import { userTokenCookie } from "@/lib/server/auth/cookies";
import { signInWithinLimits } from "@/lib/server/rate-limit/sign-in-limits";

export const POST = apiRoute({ schema: loginSchema }, async ({ body, client }) => {
  const { user, session, token } = await signInWithinLimits(body, "api", client);
  return {
    body: {
      message: "Login successful",
      token,
      expiresAt: session.expiresAt.toISOString(),
      user: presentUser(user),
    },
    cookies: [userTokenCookie(token!, session.expiresAt)],
  };
});
