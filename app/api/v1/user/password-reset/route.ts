// POST /api/v1/user/password-reset — seed 001 "Reset User Password": complete a confirmed reset.
import { resetPasswordSchema } from "@/lib/schemas/password-reset";
import { clearedResetProofCookie, RESET_COOKIE } from "@/lib/server/auth/reset-cookie";
import { apiRoute } from "@/lib/server/http/api-route";
import { completePasswordReset } from "@/lib/server/services/complete-password-reset";

export const POST = apiRoute(
  { schema: resetPasswordSchema, limits: ({ clientIp }) => [{ policy: "password-reset-per-ip", key: clientIp }] },
  async ({ body, request, client }) => {
    await completePasswordReset(body, request.cookies.get(RESET_COOKIE)?.value || undefined, client);
    return { body: { message: "Password reset successfully" }, cookies: [clearedResetProofCookie()] };
  },
);
