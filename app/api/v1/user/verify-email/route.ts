// POST /api/v1/user/verify-email — prove the account's address: the code (signed in) or the link's token (portal addition).
import { verifyEmail as verifyEmailEndpoint } from "@/lib/endpoints/email";
import { apiRoute } from "@/lib/server/http/api-route";
import { callerOf } from "@/lib/server/http/caller";
import { verifyEmail } from "@/lib/server/features/email/verify-email";

export const POST = apiRoute(verifyEmailEndpoint, async ({ body, principal, client }) => {
  const { email } = await verifyEmail(body, principal && callerOf(principal), client);
  return { body: { message: "Email verified", email } };
});
