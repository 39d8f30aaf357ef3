// POST /api/v1/user/confirm-otp-reset — the gateway's "Confirm Password Reset OTP" (code + email, or the link's token).
import { confirmResetSchema } from "@/lib/schemas/password-reset";
import { resetProofCookie } from "@/lib/server/auth/reset-cookie";
import { apiRoute } from "@/lib/server/http/api-route";
import { confirmResetCode } from "@/lib/server/services/confirm-reset-code";
import { normalizeEmail } from "@/lib/schemas/email";

export const POST = apiRoute(
  {
    schema: confirmResetSchema,
    limits: ({ body, clientIp }) => [
      { policy: "confirm-reset-per-ip", key: clientIp },
      // Guessing one account's code from many addresses still meets this one.
      ...(body.email ? [{ policy: "confirm-reset-per-email" as const, key: normalizeEmail(body.email) }] : []),
    ],
  },
  async ({ body }) => {
    const { email, proof, proofExpiresAt } = await confirmResetCode(body);
    return { body: { message: "OTP confirmed", email }, cookies: [resetProofCookie(proof, proofExpiresAt)] };
  },
);
