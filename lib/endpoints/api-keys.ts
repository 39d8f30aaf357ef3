// The caller's API keys, for seed 002 clients' `x-api-key` (v1 dialect).
import { z } from "zod";
import { isoDate } from "./shapes";
import { createApiKeySchema } from "@/lib/schemas/api-key";
import { endpoint } from "./endpoint";
import { API_KEYS } from "./tags";

const apiKey = z.object({ id: z.string(), name: z.string(), prefix: z.string(), createdAt: isoDate, lastUsedAt: isoDate.nullable() }).meta({ id: "ApiKey" });

export const listApiKeys = endpoint({
  method: "GET",
  path: "/api/v1/user/api-keys",
  auth: true,
  docs: {
    style: "v1",
    operationId: "listApiKeys",
    summary: "List API keys",
    tags: [API_KEYS],
    success: { description: "The caller's API keys (never the key itself).", schema: z.object({ message: z.literal("API keys"), apiKeys: z.array(apiKey) }) },
  },
});

export const createApiKey = endpoint({
  method: "POST",
  path: "/api/v1/user/api-keys",
  schema: createApiKeySchema,
  auth: true,
  limits: ({ principal }) => [{ policy: "api-key-create-per-user", key: principal.session.user.id }],
  docs: {
    style: "v1",
    operationId: "createApiKey",
    summary: "Create an API key",
    tags: [API_KEYS],
    success: {
      status: 201,
      description: "Created; `key` is shown this once.",
      schema: z.object({ message: z.literal("API key created"), id: z.string(), name: z.string(), prefix: z.string().meta({ description: "The key's first characters, as the list shows them." }), key: z.string(), createdAt: isoDate }),
    },
    errors: ["INVALID_REQUEST"],
  },
});

export const revokeApiKey = endpoint({
  method: "DELETE",
  path: "/api/v1/user/api-keys/{id}",
  auth: true,
  docs: {
    style: "v1",
    operationId: "revokeApiKey",
    summary: "Revoke an API key",
    tags: [API_KEYS],
    pathParams: z.object({ id: z.string().meta({ description: "The key's id, from GET /api/v1/user/api-keys." }) }),
    success: { description: "Revoked.", schema: z.object({ message: z.literal("API key revoked") }) },
    errors: ["NOT_FOUND"],
  },
});
