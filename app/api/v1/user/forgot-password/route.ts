// POST /api/v1/user/forgot-password — the gateway's "Forgot User Password": email a reset code and link.
import { forgotPasswordSchema } from "@/lib/schemas/password-reset";
import { apiRoute } from "@/lib/server/http/api-route";
import { requestPasswordReset } from "@/lib/server/services/request-password-reset";
import { RESET_REQUEST_COOLDOWN_MS } from "@/lib/reset-rules";

export const POST = apiRoute(
  {
    schema: forgotPasswordSchema,
    // Keyed on the address whether or not it has an account, so a 429 reveals nothing. The
    // one-a-minute cooldown comes before the 15-minute budget: a double click costs no budget.
    limits: ({ body, clientIp }) => [
      { policy: "forgot-password-per-ip", key: clientIp },
      { cooldown: "forgot-password-resend", ms: RESET_REQUEST_COOLDOWN_MS, key: body.email },
      { policy: "forgot-password-per-email", key: body.email },
    ],
  },
  async ({ body, client }) => {
    await requestPasswordReset(body, client);
    return { body: { message: "If an account exists for this email, a reset code has been sent" } };
  },
);
