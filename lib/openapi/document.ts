// The OpenAPI 3.1 document of every route, generated from the zod schemas (zod-openapi); built
// once per process and served by the `openApiReference` endpoint.
import { createDocument, type ZodOpenApiPathsObject } from "zod-openapi";
import type { oas31 } from "zod-openapi";
import { ENDPOINTS } from "@/lib/endpoints";
import { components } from "./components";
import { addBodyExamples } from "./examples";
import { operationOf } from "./operation-of";

export type OpenApiDocument = oas31.OpenAPIObject;

/** The declarations' operations under their paths, in the declarations' order. */
function paths(): ZodOpenApiPathsObject {
  const byPath: ZodOpenApiPathsObject = {};
  for (const endpoint of ENDPOINTS) {
    byPath[endpoint.path] = { ...byPath[endpoint.path], [endpoint.method.toLowerCase()]: operationOf(endpoint) };
  }
  return byPath;
}

function build(): OpenApiDocument {
  const document = createDocument({
    openapi: "3.1.0",
    info: {
      title: "Account portal API",
      version: "1",
      description: [
        "The Cargo Extra gateway's user-password API, the portal's additions, API keys and the seed clients' routes.",
        "Every path under /api that no operation here names answers 404 `NOT_FOUND`, and a method a path does not have",
        "answers 405 `METHOD_NOT_ALLOWED` with an `Allow` header listing the methods it has, in that path's own error shape (v1's `{ message, code }`, or its seed's).",
        "`/api/auth/*` is next-auth's own surface for the portal's pages and is not described here.",
      ].join(" "),
    },
    // The sidebar's order: what third parties came for first.
    tags: ["Gateway (Cargo Extra)", "Portal additions", "API keys", "Seed clients", "Health", "Reference"].map((name) => ({ name })),
    paths: paths(),
    components,
  }) as OpenApiDocument;
  return addBodyExamples(document);
}

let built: OpenApiDocument | undefined;

export function openApiDocument(): OpenApiDocument {
  built ??= build();
  return built;
}
