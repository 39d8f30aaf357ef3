// DELETE /api/v1/user/api-keys/{id} — revoke one of the caller's API keys (portal addition).
import { revokeApiKey as revokeApiKeyEndpoint } from "@/lib/endpoints/api-keys";
import { apiRoute } from "@/lib/server/http/api-route";
import { callerOf } from "@/lib/server/http/caller";
import { revokeApiKey } from "@/lib/server/features/api-keys/api-keys";

export const DELETE = apiRoute(revokeApiKeyEndpoint, async ({ principal, params, client }) => {
  await revokeApiKey(callerOf(principal), params.id ?? "", client);
  return { body: { message: "API key revoked" } };
});
