// An endpoint's operation in the document, from its declaration (lib/endpoints): the body, the
// caller and the exemptions come from what the endpoint does, the words from its `docs`.
import type { ZodOpenApiOperationObject } from "zod-openapi";
import type { Endpoint, SeedDocs } from "@/lib/endpoints/endpoint";
import { json, responseHeaders } from "./components";
import { v1Operation } from "./operation";

const SEED_CLIENTS = "Seed clients";

function seedOperation({ meta, answers }: SeedDocs, body: NonNullable<Endpoint["schema"]>): ZodOpenApiOperationObject {
  const responses: ZodOpenApiOperationObject["responses"] = {};
  for (const [status, { description, schema }] of Object.entries(answers)) {
    responses[status as `${1 | 2 | 3 | 4 | 5}${string}`] = { description, headers: responseHeaders(Number(status)), ...json(schema) };
  }
  return { ...meta, tags: [SEED_CLIENTS], requestBody: { required: true, ...json(body) }, responses };
}

export function operationOf(endpoint: Endpoint): ZodOpenApiOperationObject {
  const { docs } = endpoint;
  if (docs.style === "seed") {
    if (!endpoint.schema) throw new Error(`${endpoint.method} ${endpoint.path}: a seed operation has a body`);
    return seedOperation(docs, endpoint.schema);
  }
  const { style: _style, ...words } = docs;
  return v1Operation({
    ...words,
    body: endpoint.schema,
    // "optional": a caller is not needed (the link's token names the account), so none is listed.
    auth: endpoint.auth === true,
    allowUnverified: endpoint.allowUnverified,
    exemptFromRateLimits: endpoint.exemptFromRateLimits,
  });
}
