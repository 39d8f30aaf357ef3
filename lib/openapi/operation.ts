// One v1-dialect operation from what its route does: its body schema, whether it needs a caller,
// its success answer and the error codes of its own work. The codes every route of that kind can
// answer with (traffic guard, authentication, body reading) are added here, once.
import type { z } from "zod";
import type { ZodOpenApiOperationObject } from "zod-openapi";
import type { ErrorCode } from "@/lib/server/errors";
import { json, responseHeaders, V1_AUTH, v1ErrorResponses } from "./components";

/** The traffic guard and the wrapper: 403 denied/banned, 429 over api-per-ip, 500, 503 (database or hash queue). */
const GUARDED: ErrorCode[] = ["ACCESS_DENIED", "TOO_MANY_REQUESTS", "UNEXPECTED_ERROR", "SERVICE_UNAVAILABLE"];
/** Health checks meet the deny list only. */
const DENY_LIST_ONLY: ErrorCode[] = ["ACCESS_DENIED", "UNEXPECTED_ERROR"];
const AUTH: ErrorCode[] = ["UNAUTHORIZED"];
const SET_COOKIE =
  "Sets or clears the cookies this answer's description names. All are HttpOnly; when the portal is served over https they are Secure and carry the `__Host-` (path /) or `__Secure-` (other paths) prefix.";
const BODY: ErrorCode[] = ["UNSUPPORTED_MEDIA_TYPE", "PAYLOAD_TOO_LARGE", "MALFORMED_JSON", "MISSING_PARAMETERS", "INVALID_PARAMETERS"];

export interface V1OperationSpec {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  /** The shared zod schema of the body (described on its input side). */
  body?: z.ZodType;
  auth?: boolean;
  /** The route serves accounts with an unverified address even with REQUIRE_VERIFIED_EMAIL (no 403 EMAIL_NOT_VERIFIED). */
  allowUnverified?: boolean;
  pathParams?: z.ZodObject;
  success: { status?: number; description: string; schema: z.ZodType; setsCookies?: boolean };
  /** The codes this route's own work adds. */
  errors?: ErrorCode[];
  /** Where the contract gives one code another status (NO_ACCOUNT as 404 on forgot-password). */
  statusOverrides?: Partial<Record<ErrorCode, number>>;
  /** Health checks: deny list only, no rate-limit headers. */
  exemptFromRateLimits?: boolean;
}

export function v1Operation(spec: V1OperationSpec): ZodOpenApiOperationObject {
  const rateLimited = !spec.exemptFromRateLimits;
  const codes = [
    ...(rateLimited ? GUARDED : DENY_LIST_ONLY),
    ...(spec.auth ? AUTH : []),
    ...(spec.auth && !spec.allowUnverified ? (["EMAIL_NOT_VERIFIED"] as ErrorCode[]) : []),
    ...(spec.body ? BODY : []),
    ...(spec.errors ?? []),
  ];
  const status = spec.success.status ?? 200;
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: spec.tags,
    security: spec.auth ? V1_AUTH : [],
    ...(spec.pathParams ? { requestParams: { path: spec.pathParams } } : {}),
    ...(spec.body ? { requestBody: { required: true, ...json(spec.body) } } : {}),
    responses: {
      [String(status)]: {
        description: spec.success.description,
        headers: {
          ...responseHeaders(status, { rateLimited }),
          ...(spec.success.setsCookies ? { "Set-Cookie": { description: SET_COOKIE, schema: { type: "string" as const } } } : {}),
        },
        ...json(spec.success.schema),
      },
      ...v1ErrorResponses(codes, spec.statusOverrides, rateLimited),
    },
  };
}
