// POST, DELETE /api/v1/user/two-factor/totp — set up the authenticator app; turn it off (portal addition).
import { startTotpSetup, turnOffTotp as turnOffTotpEndpoint } from "@/lib/endpoints/two-factor";
import { config } from "@/lib/server/config";
import { startTotpEnrolment, turnOffTotp } from "@/lib/server/features/two-factor/two-factor";
import { apiRoute } from "@/lib/server/http/api-route";
import { callerOf } from "@/lib/server/http/caller";

export const POST = apiRoute(startTotpSetup, async ({ body, principal, client }) => {
  const { secret, otpauthUri } = await startTotpEnrolment(callerOf(principal), body.password, client, { issuer: config().portalName });
  return { body: { message: "Authenticator app pending", secret, otpauthUri } };
});

export const DELETE = apiRoute(turnOffTotpEndpoint, async ({ body, principal, client }) => {
  await turnOffTotp(callerOf(principal), body, client);
  return { body: { message: "Two-step verification turned off" } };
});
