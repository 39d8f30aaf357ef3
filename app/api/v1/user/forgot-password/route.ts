// POST /api/v1/user/forgot-password — the gateway's "Forgot User Password": email a reset code and link.
import { forgotPasswordSchema } from "@/lib/schemas/password-reset";
import { apiRoute } from "@/lib/server/http/api-route";
import { requestPasswordReset } from "@/lib/server/services/request-password-reset";

export const POST = apiRoute({ schema: forgotPasswordSchema }, async ({ body, client }) => {
  await requestPasswordReset(body, client);
  return { body: { message: "If an account exists for this email, a reset code has been sent" } };
});
