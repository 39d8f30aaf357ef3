// The OpenAPI 3.1 document of every route, generated from the zod schemas (zod-openapi); built
// once per process and served at GET /api/openapi.json.
import { z } from "zod";
import { createDocument, type ZodOpenApiPathsObject } from "zod-openapi";
import type { oas31 } from "zod-openapi";
import { components } from "./components";
import { keyPaths } from "./keys";
import { v1Operation } from "./operation";
import { seedPaths } from "./seeds";
import { recoveryPaths } from "./recovery";
import { v1Paths } from "./v1";

export type OpenApiDocument = oas31.OpenAPIObject;

const ownPaths: ZodOpenApiPathsObject = {
  "/api/openapi.json": {
    get: v1Operation({
      operationId: "openApiDocument",
      summary: "This document",
      tags: ["Reference"],
      success: { description: "The OpenAPI 3.1 document (also rendered at /docs/api).", schema: z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }) },
    }),
  },
};

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
    paths: { ...v1Paths, ...recoveryPaths, ...keyPaths, ...seedPaths, ...ownPaths },
    components,
  }) as OpenApiDocument;
}

let built: OpenApiDocument | undefined;

export function openApiDocument(): OpenApiDocument {
  built ??= build();
  return built;
}
