// GET, POST /api/v1/user/api-keys — list the caller's API keys; create one, shown once (portal addition).
import { createApiKey as createApiKeyEndpoint, listApiKeys as listApiKeysEndpoint } from "@/lib/endpoints/api-keys";
import { apiRoute } from "@/lib/server/http/api-route";
import { callerOf } from "@/lib/server/http/caller";
import { createApiKey, listApiKeys } from "@/lib/server/features/api-keys/api-keys";

export const GET = apiRoute(listApiKeysEndpoint, async ({ principal }) => {
  const apiKeys = await listApiKeys(callerOf(principal));
  return {
    body: {
      message: "API keys",
      apiKeys: apiKeys.map((apiKey) => ({
        id: apiKey.id,
        name: apiKey.name,
        prefix: apiKey.prefix,
        createdAt: apiKey.createdAt.toISOString(),
        lastUsedAt: apiKey.lastUsedAt?.toISOString() ?? null,
      })),
    },
  };
});

export const POST = apiRoute(createApiKeyEndpoint, async ({ body, principal, client }) => {
  const created = await createApiKey(callerOf(principal), body, client);
  return {
    status: 201,
    body: { message: "API key created", id: created.id, name: created.name, prefix: created.prefix, key: created.key, createdAt: created.createdAt.toISOString() },
  };
});
