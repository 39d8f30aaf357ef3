// POST /api/v1/user/email/confirm — complete a change with the new address's code (signed in) or link (portal addition).
import { confirmEmailChange as confirmEmailChangeEndpoint } from "@/lib/endpoints/email";
import { apiRoute } from "@/lib/server/http/api-route";
import { callerOf } from "@/lib/server/http/caller";
import { confirmEmailChange } from "@/lib/server/features/email/confirm-email-change";

export const POST = apiRoute(confirmEmailChangeEndpoint, async ({ body, principal, client }) => {
  const { email } = await confirmEmailChange(body, principal && callerOf(principal), client);
  return { body: { message: "Email changed", email } };
});
