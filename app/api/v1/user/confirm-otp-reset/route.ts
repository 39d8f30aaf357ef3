// POST /api/v1/user/confirm-otp-reset — the gateway's "Confirm Password Reset OTP" (code + email, or the link's token).
import { confirmResetCode as confirmResetCodeEndpoint } from "@/lib/endpoints/password";
import { resetProofCookie } from "@/lib/server/auth/reset-cookie";
import { apiRoute } from "@/lib/server/http/api-route";
import { confirmResetCode } from "@/lib/server/features/password-reset/confirm-reset-code";

export const POST = apiRoute(confirmResetCodeEndpoint, async ({ body }) => {
  const { email, proof, proofExpiresAt } = await confirmResetCode(body);
  return { body: { message: "OTP confirmed", email }, cookies: [resetProofCookie(proof, proofExpiresAt)] };
});
