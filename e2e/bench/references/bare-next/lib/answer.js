// One JSON answer the way the portal writes it (lib/server/http/respond.ts): same status, body and
// route-level headers, the values fixed or random instead of looked up. Plain JavaScript: the
// repository's typecheck covers every .ts file, and a TypeScript app here would have `next build`
// write a tsconfig.json and next-env.d.ts of its own into the tree.
import { randomUUID } from "node:crypto";

/** The portal's api-per-ip headers, which every API answer carries. */
const RATE_LIMIT = { "ratelimit-limit": "300", "ratelimit-remaining": "299", "ratelimit-reset": "60" };

/** @param {number} status @param {Record<string, unknown>} body @param {Record<string, string>} [extra] */
export function answer(status, body, extra = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      ...RATE_LIMIT,
      ...extra,
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
      "x-request-id": randomUUID(),
    },
  });
}
