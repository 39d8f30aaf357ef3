// POST /api/v1/user/verify-email/resend — a new verification code and link, at most one a minute (portal addition).
import { resendEmailVerification as resendEmailVerificationEndpoint } from "@/lib/endpoints/email";
import { apiRoute } from "@/lib/server/http/api-route";
import { callerOf } from "@/lib/server/http/caller";
import { resendEmailVerification } from "@/lib/server/features/email/resend-email-verification";

export const POST = apiRoute(resendEmailVerificationEndpoint, async ({ principal }) => {
  await resendEmailVerification(callerOf(principal));
  return { body: { message: "Verification email sent" } };
});
