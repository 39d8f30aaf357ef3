// POST /api/v1/user/password-reset — seed 001 "Reset User Password": complete a confirmed reset.
import { resetPassword } from "@/lib/endpoints/password";
import { clearedResetProofCookie, resetCookieName } from "@/lib/server/auth/reset-cookie";
import { apiRoute } from "@/lib/server/http/api-route";
import { completePasswordReset } from "@/lib/server/features/password-reset/complete-password-reset";

export const POST = apiRoute(resetPassword, async ({ body, request, client }) => {
  await completePasswordReset(body, request.cookies.get(resetCookieName())?.value || undefined, client);
  return { body: { message: "Password reset successfully" }, cookies: [clearedResetProofCookie()] };
});
