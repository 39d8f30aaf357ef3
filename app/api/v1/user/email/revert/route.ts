// POST /api/v1/user/email/revert — "this wasn't me": cancel a pending change or undo a completed one (portal addition).
import { revertEmailChange as revertEmailChangeEndpoint } from "@/lib/endpoints/email";
import { apiRoute } from "@/lib/server/http/api-route";
import { revertEmailChange } from "@/lib/server/features/email/revert-email-change";

export const POST = apiRoute(revertEmailChangeEndpoint, async ({ body, client }) => {
  const { email } = await revertEmailChange(body, client);
  return { body: { message: "Email change undone", email } };
});
