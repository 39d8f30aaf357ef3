// POST /api/v1/user/two-factor/totp/confirm — turn the authenticator app on with a first code (portal addition).
import { confirmTotpSetup } from "@/lib/endpoints/two-factor";
import { confirmTotpEnrolment } from "@/lib/server/features/two-factor/two-factor";
import { apiRoute } from "@/lib/server/http/api-route";
import { callerOf } from "@/lib/server/http/caller";

export const POST = apiRoute(confirmTotpSetup, async ({ body, principal, client }) => {
  const { recoveryCodes } = await confirmTotpEnrolment(callerOf(principal), body.code, client);
  return { body: { message: "Two-step verification turned on", recoveryCodes } };
});
