// The OpenAPI 3.1 document of every route, generated from the zod schemas (zod-openapi); built
// once per process and served by the `openApiReference` endpoint.
import { createDocument, type ZodOpenApiPathsObject } from "zod-openapi";
import type { oas31 } from "zod-openapi";
import { ENDPOINTS } from "@/lib/endpoints";
import { components } from "./components";
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
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Account portal API",
      version: "1",
      description: [
        "The Cargo Extra gateway's user-password API, the portal's additions, API keys and the seed clients' routes.",
        "Every path under /api that no operation has answers 404 (`#/components/responses/NotFound`); a method a path",
        "does not have answers 405 with `Allow` (`#/components/responses/MethodNotAllowed`).",
        "`/api/auth/*` is next-auth's own surface for the portal's pages and is not described here.",
      ].join(" "),
    },
    // The sidebar's order: what third parties came for first.
    tags: ["Gateway (Cargo Extra)", "Portal additions", "API keys", "Seed clients", "Health", "Reference"].map((name) => ({ name })),
    paths: paths(),
    components,
  }) as OpenApiDocument;
}

let built: OpenApiDocument | undefined;

export function openApiDocument(): OpenApiDocument {
  built ??= build();
  return built;
}
