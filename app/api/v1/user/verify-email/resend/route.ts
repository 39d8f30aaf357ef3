// POST /api/v1/user/verify-email/resend — a new verification code and link, at most one a minute (portal addition).
import { EMAIL_RESEND_COOLDOWN_MS } from "@/lib/email-rules";
import { apiRoute } from "@/lib/server/http/api-route";
import { callerOf } from "@/lib/server/http/caller";
import { resendEmailVerification } from "@/lib/server/services/resend-email-verification";

export const POST = apiRoute(
  {
    auth: true,
    allowUnverified: true,
    limits: ({ principal }) => [
      { cooldown: "verify-email-resend", ms: EMAIL_RESEND_COOLDOWN_MS, key: principal.session.user.email },
      { policy: "verify-email-resend-per-user", key: principal.session.user.id },
    ],
  },
  async ({ principal }) => {
    await resendEmailVerification(callerOf(principal));
    return { body: { message: "Verification email sent" } };
  },
);
