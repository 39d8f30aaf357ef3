// What every part of the OpenAPI document shares: security schemes, the rate-limit and request-id
// headers, and the v1 error body, whose `code` values and messages come from the one error table.
import { z } from "zod";
import type { ZodOpenApiComponentsObject, ZodOpenApiResponseObject } from "zod-openapi";
import { ERROR_TABLE, type ErrorCode } from "@/lib/server/errors";
import { isoDate, SECURITY } from "@/lib/endpoints/shapes";

export { isoDate, SECURITY } from "@/lib/endpoints/shapes";

/** The v1 routes marked *auth*: any one of the three credentials (tried in this order). */
export const V1_AUTH: Record<string, string[]>[] = [{ [SECURITY.bearer]: [] }, { [SECURITY.userToken]: [] }, { [SECURITY.browserSession]: [] }];

const securitySchemes: ZodOpenApiComponentsObject["securitySchemes"] = {
  [SECURITY.bearer]: {
    type: "http",
    scheme: "bearer",
    description: "The API token from login or check (`cxp_` and 43 base64url characters).",
  },
  [SECURITY.userToken]: {
    type: "apiKey",
    in: "cookie",
    name: "userToken",
    description: "The same API token as a cookie, set by login and check; `__Host-userToken` when the site is served over https.",
  },
  [SECURITY.browserSession]: {
    type: "apiKey",
    in: "cookie",
    name: "next-auth.session-token",
    description: "The portal's browser session (signing in on the pages); `__Host-next-auth.session-token` over https.",
  },
  [SECURITY.apiKey]: {
    type: "apiKey",
    in: "header",
    name: "x-api-key",
    description: "An API key created under /api/v1/user/api-keys (seed 002 clients send it beside the Bearer token).",
  },
};

const seconds = (description: string) => z.string().regex(/^\d+$/).meta({ description });

const headers: ZodOpenApiComponentsObject["headers"] = {
  RateLimitLimit: seconds("Requests allowed in the window of the budget nearest to running out."),
  RateLimitRemaining: seconds("Requests left in that window."),
  RateLimitReset: seconds("Seconds until that window resets."),
  RetryAfter: seconds("Seconds to wait before trying again."),
  RequestId: z.string().meta({ description: "This request's id, also on the server's log line." }),
  Allow: z.string().meta({ description: "The methods this path has, comma-separated." }),
};

const ref = (name: string) => ({ $ref: `#/components/headers/${name}` });

/** RateLimit-* (answers that passed the traffic guard), Retry-After on 429 and 503, X-Request-Id. */
export function responseHeaders(status: number, { rateLimited = true, requestId = true } = {}) {
  return {
    ...(requestId ? { "X-Request-Id": ref("RequestId") } : {}),
    ...(rateLimited
      ? { "RateLimit-Limit": ref("RateLimitLimit"), "RateLimit-Remaining": ref("RateLimitRemaining"), "RateLimit-Reset": ref("RateLimitReset") }
      : {}),
    ...(status === 429 || status === 503 ? { "Retry-After": ref("RetryAfter") } : {}),
    ...(status === 405 ? { Allow: ref("Allow") } : {}),
  };
}


export const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });

const errorSchemas = new Map<ErrorCode, z.ZodType>();

/** What an error's body carries besides message and code, where the code's answer has more to say. */
const ERROR_BODY_FIELDS: Partial<Record<ErrorCode, z.ZodRawShape>> = {
  SECOND_FACTOR_REQUIRED: {
    challenge: z.string().meta({ description: "For `loginSecondFactor`: opaque, single use, valid until `expiresAt`." }),
    methods: z.array(z.enum(["totp", "recovery_code"])).meta({ description: "What the second step takes: a code from the app, or a recovery code." }),
    expiresAt: isoDate,
  },
};

/** One code's error body, registered once as a component (`NOT_FOUND` → `#/components/schemas/NotFoundError`). */
function v1ErrorOf(code: ErrorCode): z.ZodType {
  let schema = errorSchemas.get(code);
  if (!schema) {
    const id = `${code.toLowerCase().replace(/(^|_)(\w)/g, (_, __, letter: string) => letter.toUpperCase())}Error`;
    schema = z
      .object({
        message: z.literal(ERROR_TABLE[code].message),
        code: z.literal(code),
        errors: z.record(z.string(), z.array(z.string())).optional().meta({ description: "Field problems: field name → messages." }),
        requestId: z.string().optional().meta({ description: "On 5xx: the X-Request-Id." }),
        ...ERROR_BODY_FIELDS[code],
      })
      .meta({ id });
    errorSchemas.set(code, schema);
  }
  return schema;
}

/** The v1 error body for exactly these codes: each code with its exact message. */
export function v1ErrorBody(codes: readonly ErrorCode[]) {
  const variants = codes.map(v1ErrorOf);
  return variants.length === 1 ? variants[0]! : z.union(variants as [z.ZodType, z.ZodType, ...z.ZodType[]]);
}

/** Statuses → responses for v1 errors: codes grouped by status (the table's, or an override). */
export function v1ErrorResponses(codes: readonly ErrorCode[], statusOverrides: Partial<Record<ErrorCode, number>> = {}, rateLimited = true) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set(codes)) {
    const status = statusOverrides[code] ?? ERROR_TABLE[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: Record<string, ZodOpenApiResponseObject> = {};
  for (const [status, group] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: group.map((code) => `\`${code}\``).join(", "),
      headers: responseHeaders(status, { rateLimited }),
      ...json(v1ErrorBody(group)),
    };
  }
  return responses;
}

/**
 * Answers no single operation lists: any other path under /api (404 after the traffic guard) and a
 * method a documented path does not have (405 with Allow). The contract suites' validator uses these.
 */
export const GENERIC_RESPONSES = {
  NotFound: {
    description: "Any path under /api that no operation has (after the traffic guard: 403, 429 as on every endpoint).",
    headers: responseHeaders(404),
    ...json(v1ErrorBody(["NOT_FOUND"])),
  },
  MethodNotAllowed: {
    description: "A method the path does not have; `Allow` lists the ones it has. Every path of this document answers so.",
    headers: responseHeaders(405),
    ...json(v1ErrorBody(["METHOD_NOT_ALLOWED"])),
  },
  AccessDenied: { description: "Traffic guard: a denied or banned address.", headers: responseHeaders(403), ...json(v1ErrorBody(["ACCESS_DENIED"])) },
  TooManyRequests: { description: "Traffic guard: over `api-per-ip`.", headers: responseHeaders(429), ...json(v1ErrorBody(["TOO_MANY_REQUESTS"])) },
  Unavailable: {
    description: "The rate limits' store is down and RATE_LIMIT_ON_STORE_FAILURE=closed.",
    headers: responseHeaders(503),
    ...json(v1ErrorBody(["SERVICE_UNAVAILABLE"])),
  },
} satisfies Record<string, ZodOpenApiResponseObject>;

export const components: ZodOpenApiComponentsObject = { securitySchemes, headers, responses: GENERIC_RESPONSES };
