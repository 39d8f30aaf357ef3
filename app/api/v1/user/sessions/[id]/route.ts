// DELETE /api/v1/user/sessions/{id} — revoke one of the caller's sessions or tokens (portal addition).
import { revokeSession as revokeSessionEndpoint } from "@/lib/endpoints/sessions";
import { apiRoute } from "@/lib/server/http/api-route";
import { callerOf } from "@/lib/server/http/caller";
import { revokeSession } from "@/lib/server/features/sessions/manage-sessions";

export const DELETE = apiRoute(revokeSessionEndpoint, async ({ principal, params, client }) => {
  await revokeSession(callerOf(principal), params.id ?? "", client);
  return { body: { message: "Session revoked" } };
});
