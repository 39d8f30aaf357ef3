// POST /api/v1/user/password-reset — seed 001 "Reset User Password": complete a confirmed reset.
import { normalizeEmail } from "@/lib/schemas/email";
import { resetPasswordSchema } from "@/lib/schemas/password-reset";
import { clearedResetProofCookie, resetCookieName } from "@/lib/server/auth/reset-cookie";
import { apiRoute } from "@/lib/server/http/api-route";
import { completePasswordReset } from "@/lib/server/services/complete-password-reset";

export const POST = apiRoute(
  {
    schema: resetPasswordSchema,
    hashesPassword: true,
    limits: ({ body, clientIp }) => [
      { policy: "password-reset-per-ip", key: clientIp },
      // A six-digit code in the body is a guess: many addresses guessing one account meet this one.
      { policy: "password-reset-per-email", key: normalizeEmail(body.email) },
    ],
  },
  async ({ body, request, client }) => {
    await completePasswordReset(body, request.cookies.get(resetCookieName())?.value || undefined, client);
    return { body: { message: "Password reset successfully" }, cookies: [clearedResetProofCookie()] };
  },
);
