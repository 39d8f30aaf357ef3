// GET /api/v1/user/check — the gateway's "Check User Session": validate the caller's token and rotate it.
import { apiRoute } from "@/lib/server/http/api-route";
import { presentUser } from "@/lib/server/http/present";
import { userTokenCookie } from "@/lib/server/auth/cookies";
import { rotateApiToken } from "@/lib/server/services/sessions";

export const GET = apiRoute({ auth: true }, async ({ principal }) => {
  const { session, token } = principal;
  const user = presentUser(session.user);
  if (!token) {
    // A browser (next-auth) session has no API token to rotate; its JWT is renewed by next-auth.
    return { body: { message: "Session valid", token: null, expiresAt: session.expiresAt.toISOString(), ...user } };
  }
  const rotated = await rotateApiToken(session.id, token);
  return {
    body: { message: "Session valid", token: rotated.token, expiresAt: rotated.expiresAt.toISOString(), ...user },
    cookies: [userTokenCookie(rotated.token, rotated.expiresAt)],
  };
});
