// POST /api/v1/user/sessions/revoke-others — "sign out everywhere else" (portal addition).
import { revokeOtherSessions as revokeOtherSessionsEndpoint } from "@/lib/endpoints/sessions";
import { apiRoute } from "@/lib/server/http/api-route";
import { callerOf } from "@/lib/server/http/caller";
import { revokeOtherSessions } from "@/lib/server/features/sessions/manage-sessions";

export const POST = apiRoute(revokeOtherSessionsEndpoint, async ({ principal, client }) => {
  const revoked = await revokeOtherSessions(callerOf(principal), client);
  return { body: { message: "Signed out everywhere else", revoked } };
});
