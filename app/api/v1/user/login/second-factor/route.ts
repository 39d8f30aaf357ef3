// POST /api/v1/user/login/second-factor — a login's second step: the challenge and a code, for the token.
import { loginSecondFactor } from "@/lib/endpoints/two-factor";
import { deviceCookie, userTokenCookie } from "@/lib/server/auth/cookies";
import { completeSecondStep } from "@/lib/server/features/sign-in/complete-second-step";
import { apiRoute } from "@/lib/server/http/api-route";
import { presentUser } from "@/lib/server/http/present";

export const POST = apiRoute(loginSecondFactor, async ({ body, client }) => {
  const { user, session, token, deviceToken } = await completeSecondStep(body, "api", client);
  return {
    body: { message: "Login successful", token, expiresAt: session.expiresAt.toISOString(), user: presentUser(user) },
    cookies: [userTokenCookie(token!, session.expiresAt), deviceCookie(deviceToken)],
  };
});
