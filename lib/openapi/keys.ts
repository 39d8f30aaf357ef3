// /api/v1/user/api-keys: the caller's API keys (for seed 002 clients' `x-api-key`), in the v1 dialect.
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { requiredStoredText } from "@/lib/schemas/fields";
import { isoDate } from "./components";
import { v1Operation } from "./operation";

const TAG = "API keys";

// TODO(api-keys): import the route's own schema from lib/schemas once it lands; this is its shape.
const createApiKeyBody = z.object({ name: requiredStoredText });

const apiKey = z.object({ id: z.string(), name: z.string(), prefix: z.string(), createdAt: isoDate, lastUsedAt: isoDate.nullable() }).meta({ id: "ApiKey" });

export const keyPaths: ZodOpenApiPathsObject = {
  "/api/v1/user/api-keys": {
    get: v1Operation({
      operationId: "listApiKeys",
      summary: "List API keys",
      tags: [TAG],
      auth: true,
      success: { description: "The caller's API keys (never the key itself).", schema: z.object({ apiKeys: z.array(apiKey) }) },
    }),
    post: v1Operation({
      operationId: "createApiKey",
      summary: "Create an API key",
      tags: [TAG],
      auth: true,
      body: createApiKeyBody,
      success: {
        status: 201,
        description: "Created; `key` is shown this once.",
        schema: z.object({ id: z.string(), name: z.string(), key: z.string(), createdAt: isoDate }),
      },
    }),
  },
  "/api/v1/user/api-keys/{id}": {
    delete: v1Operation({
      operationId: "revokeApiKey",
      summary: "Revoke an API key",
      tags: [TAG],
      auth: true,
      pathParams: z.object({ id: z.string().meta({ description: "The key's id, from GET /api/v1/user/api-keys." }) }),
      success: { description: "Revoked.", schema: z.object({ message: z.literal("API key revoked") }) },
      errors: ["NOT_FOUND"],
    }),
  },
};
