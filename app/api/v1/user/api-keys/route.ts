// GET, POST /api/v1/user/api-keys — list the caller's API keys; create one, shown once (portal addition).
import { createApiKeySchema } from "@/lib/schemas/api-key";
import { apiRoute } from "@/lib/server/http/api-route";
import { callerOf } from "@/lib/server/http/caller";
import { createApiKey, listApiKeys } from "@/lib/server/services/api-keys";

export const GET = apiRoute({ auth: true }, async ({ principal }) => {
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

export const POST = apiRoute(
  {
    schema: createApiKeySchema,
    auth: true,
    limits: ({ principal }) => [{ policy: "api-key-create-per-user", key: principal.session.user.id }],
  },
  async ({ body, principal, client }) => {
    const created = await createApiKey(callerOf(principal), body, client);
    return {
      status: 201,
      body: { message: "API key created", id: created.id, name: created.name, key: created.key, createdAt: created.createdAt.toISOString() },
    };
  },
);
