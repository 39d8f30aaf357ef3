// GET /api/openapi.json — the OpenAPI 3.1 document of this API, generated from the zod schemas (rendered at /docs/api).
import { openApiReference } from "@/lib/endpoints/health";
import { openApiDocument } from "@/lib/openapi/document";
import { guardedRoute } from "@/lib/server/http/envelope";

let body: string | undefined;

export const GET = guardedRoute(openApiReference, (requestId) => {
  body ??= JSON.stringify(openApiDocument());
  return new Response(body, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      // The same for every caller and fixed for a build: shared caches may keep it a while.
      "cache-control": "public, max-age=300",
      "x-request-id": requestId,
    },
  });
});
