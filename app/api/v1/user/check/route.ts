// GET /api/v1/user/check — the gateway's "Check User Session": validate the caller's token and rotate it.
import { checkSession } from "@/lib/endpoints/sign-in";
import { apiRoute } from "@/lib/server/http/api-route";
import { presentUser } from "@/lib/server/http/present";
import { isCrossSiteRequest } from "@/lib/server/http/same-origin";
import { userTokenCookie } from "@/lib/server/auth/cookies";
import { rotateApiToken } from "@/lib/server/services/sessions";

export const GET = apiRoute(checkSession, async ({ principal, request }) => {
  const { session, token } = principal;
  const user = { ...presentUser(session.user), emailVerified: session.user.emailVerifiedAt !== null };
  // A browser (next-auth) session has no API token to rotate; its JWT is renewed by next-auth.
  // A userToken cookie is rotated only on requests from this site: a link on another site must
  // not be able to replace the cookie (a GET navigation carries it).
  if (!token || (principal.method === "cookie" && isCrossSiteRequest(request))) {
    return { body: { message: "Session valid", token: null, expiresAt: session.expiresAt.toISOString(), ...user } };
  }
  const rotated = await rotateApiToken(session, token);
  return {
    body: { message: "Session valid", token: rotated.token, expiresAt: rotated.expiresAt.toISOString(), ...user },
    cookies: [userTokenCookie(rotated.token, rotated.expiresAt)],
  };
});
