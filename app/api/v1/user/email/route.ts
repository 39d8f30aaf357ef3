// POST /api/v1/user/email — ask to move the account to a new address; both addresses are mailed (portal addition).
import { changeEmail } from "@/lib/endpoints/email";
import { apiRoute } from "@/lib/server/http/api-route";
import { callerOf } from "@/lib/server/http/caller";
import { requestEmailChange } from "@/lib/server/features/email/request-email-change";

export const POST = apiRoute(changeEmail, async ({ body, principal, client }) => {
  await requestEmailChange(callerOf(principal), body, client);
  // The same answer whether or not the new address has an account.
  return { status: 202, body: { message: "Confirmation sent", pendingEmail: body.newEmail } };
});
