// POST /api/v1/user/two-factor/recovery-codes — ten new recovery codes; the old set is void (portal addition).
import { renewRecoveryCodes as renewRecoveryCodesEndpoint } from "@/lib/endpoints/two-factor";
import { renewRecoveryCodes } from "@/lib/server/features/two-factor/two-factor";
import { apiRoute } from "@/lib/server/http/api-route";
import { callerOf } from "@/lib/server/http/caller";

export const POST = apiRoute(renewRecoveryCodesEndpoint, async ({ body, principal, client }) => {
  const { recoveryCodes } = await renewRecoveryCodes(callerOf(principal), body, client);
  return { body: { message: "New recovery codes", recoveryCodes } };
});
