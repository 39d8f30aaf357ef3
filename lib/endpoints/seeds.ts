// The three seed clients' password-change endpoints, each in its own wire dialect (seed 000 is
// `changePassword`, in password.ts). Paths outside /api are where those clients call
// them; all four spend one change-password budget per account.
import { z } from "zod";
import { isoDate, SECURITY } from "./shapes";
import { boundedPasswordPairSchema, passwordPairSchema } from "@/lib/schemas/password-change";
import { endpoint, type SeedDocs } from "./endpoint";
import { changePasswordLimits } from "./password";

type Answers = SeedDocs["answers"];

// Seed 002: { success, message }, with v1's statuses.
const seed002Error = z.object({ success: z.literal(false), message: z.string() });
const seed002Errors: Answers = Object.fromEntries(
  [400, 401, 403, 405, 413, 415, 429, 500, 503].map((status) => [
    status,
    { description: status === 401 ? 'A bad or missing API key ("Invalid API key") or Bearer token.' : "As the v1 route answers.", schema: seed002Error },
  ]),
);

// Seed 003 (Zitadel): a gRPC status code in `code`, and Zitadel's error detail.
const zitadelError = (codes?: [number, ...number[]]) =>
  z.object({
    code: codes ? z.union(codes.map((code) => z.literal(code)) as [z.ZodLiteral<number>, ...z.ZodLiteral<number>[]]) : z.int(),
    message: z.string(),
    details: z.array(z.object({ "@type": z.literal("type.googleapis.com/zitadel.v1.ErrorDetail"), id: z.string(), message: z.string() })),
  });

// Seed 004: { status: false, error: { code, message } } with the client's own numeric codes.
const seed004Error = (codes: [number, ...number[]]) =>
  z.object({
    status: z.literal(false),
    error: z.object({
      code: z.union(codes.map((code) => z.literal(code)) as [z.ZodLiteral<number>, ...z.ZodLiteral<number>[]]),
      message: z.string(),
      fields: z.record(z.string(), z.array(z.string())).optional().meta({ description: "Field problems: field name → messages." }),
    }),
  });

export const seed002ChangePassword = endpoint({
  method: "PATCH",
  path: "/api/user/password",
  dialect: "seed-002",
  apiKey: true,
  schema: passwordPairSchema,
  auth: "bearer",
  hashesPassword: true,
  limits: changePasswordLimits,
  docs: {
    style: "seed",
    meta: {
      operationId: "seed002UpdatePassword",
      summary: "Seed 002: update password",
      description: "Needs both an API key (`x-api-key`) and the user's Bearer token.",
      security: [{ [SECURITY.apiKey]: [], [SECURITY.bearer]: [] }],
    },
    answers: {
      200: { description: "Changed.", schema: z.object({ success: z.literal(true), message: z.literal("Password updated successfully") }) },
      ...seed002Errors,
    },
  },
});

export const seed003ChangePassword = endpoint({
  method: "PUT",
  path: "/auth/v1/users/me/password",
  dialect: "seed-003",
  schema: passwordPairSchema,
  auth: "bearer",
  hashesPassword: true,
  limits: changePasswordLimits,
  docs: {
    style: "seed",
    meta: {
      operationId: "seed003SetMyPassword",
      summary: "Seed 003 (Zitadel): set my password",
      description: "Requests with content-type application/grpc or application/grpc-web+proto are refused with 415.",
      security: [{ [SECURITY.bearer]: [] }],
    },
    answers: {
      200: {
        description: "Changed.",
        schema: z.object({
          details: z.object({ sequence: z.string().regex(/^\d+$/), creationDate: isoDate, changeDate: isoDate, resourceOwner: z.string() }),
        }),
      },
      400: { description: "INVALID_ARGUMENT (3) or FAILED_PRECONDITION (9).", schema: zitadelError([3, 9]) },
      401: { description: "UNAUTHENTICATED (16).", schema: zitadelError([16]) },
      403: { description: "PERMISSION_DENIED (7).", schema: zitadelError([7]) },
      404: { description: "NOT_FOUND (5).", schema: zitadelError([5]) },
      405: { description: "UNIMPLEMENTED (12): a method this path does not have, with `Allow`.", schema: zitadelError([12]) },
      413: { description: "Body too large.", schema: zitadelError() },
      415: { description: "Not JSON (gRPC content types included).", schema: zitadelError() },
      429: { description: "RESOURCE_EXHAUSTED (8).", schema: zitadelError([8]) },
      500: { description: "INTERNAL (13).", schema: zitadelError([13]) },
      503: { description: "UNAVAILABLE (14).", schema: zitadelError([14]) },
    },
  },
});

export const seed004ChangePassword = endpoint({
  method: "POST",
  path: "/v1/users/profile/change-password",
  dialect: "seed-004",
  schema: boundedPasswordPairSchema,
  auth: "bearer",
  hashesPassword: true,
  limits: changePasswordLimits,
  docs: {
    style: "seed",
    meta: {
      operationId: "seed004ChangePassword",
      summary: "Seed 004: change password",
      security: [{ [SECURITY.bearer]: [] }],
    },
    answers: {
      200: { description: "Changed.", schema: z.object({ status: z.literal(true), data: z.object({ passwordChanged: z.literal("OK") }) }) },
      400: {
        description: "1001 missing parameters, 1002 invalid parameters, 1003 malformed JSON, 5021 weak password, 5022 same password, 5023 incorrect old password.",
        schema: seed004Error([1001, 1002, 1003, 5021, 5022, 5023]),
      },
      401: { description: '4001 "Unauthorized", 4002 "No auth token".', schema: seed004Error([4001, 4002]) },
      403: { description: "4003.", schema: seed004Error([4003]) },
      404: { description: '3001 "Entity not found".', schema: seed004Error([3001]) },
      405: { description: "1006: a method this path does not have, with `Allow`.", schema: seed004Error([1006]) },
      413: { description: "1004.", schema: seed004Error([1004]) },
      415: { description: "1005.", schema: seed004Error([1005]) },
      429: { description: "4029.", schema: seed004Error([4029]) },
      500: { description: "9001.", schema: seed004Error([9001]) },
      503: { description: "9003.", schema: seed004Error([9003]) },
    },
  },
});
