// /api/v1/user/api-keys: the caller's API keys (for seed 002 clients' `x-api-key`), in the v1 dialect.
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { createApiKeySchema } from "@/lib/schemas/api-key";
import { isoDate } from "./components";
import { v1Operation } from "./operation";

const TAG = "API keys";

const apiKey = z.object({ id: z.string(), name: z.string(), prefix: z.string(), createdAt: isoDate, lastUsedAt: isoDate.nullable() }).meta({ id: "ApiKey" });

export const keyPaths: ZodOpenApiPathsObject = {
  "/api/v1/user/api-keys": {
    get: v1Operation({
      operationId: "listApiKeys",
      summary: "List API keys",
      tags: [TAG],
      auth: true,
      success: { description: "The caller's API keys (never the key itself).", schema: z.object({ message: z.literal("API keys"), apiKeys: z.array(apiKey) }) },
    }),
    post: v1Operation({
      operationId: "createApiKey",
      summary: "Create an API key",
      tags: [TAG],
      auth: true,
      body: createApiKeySchema,
      success: {
        status: 201,
        description: "Created; `key` is shown this once.",
        schema: z.object({ message: z.literal("API key created"), id: z.string(), name: z.string(), key: z.string(), createdAt: isoDate }),
      },
      errors: ["INVALID_REQUEST"],
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
