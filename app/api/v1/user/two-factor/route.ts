// GET /api/v1/user/two-factor — what the caller's two-step verification has set up (portal addition).
import { getTwoFactor } from "@/lib/endpoints/two-factor";
import { twoFactorStatus } from "@/lib/server/features/two-factor/two-factor";
import { apiRoute } from "@/lib/server/http/api-route";

export const GET = apiRoute(getTwoFactor, async ({ principal }) => {
  const { totpEnabled, recoveryCodesLeft } = await twoFactorStatus(principal.session.user.id);
  return { body: { message: "Two-step verification", totp: { enabled: totpEnabled }, passkeys: [], recoveryCodesLeft } };
});
