// POST /api/v1/user/forgot-password — the gateway's "Forgot User Password": email a reset code and link.
import { forgotPassword } from "@/lib/endpoints/password";
import { apiRoute } from "@/lib/server/http/api-route";
import { requestPasswordReset } from "@/lib/server/features/password-reset/request-password-reset";

export const POST = apiRoute(forgotPassword, async ({ body, client }) => {
  await requestPasswordReset(body, client);
  return { body: { message: "If an account exists for this email, a reset code has been sent" } };
});
