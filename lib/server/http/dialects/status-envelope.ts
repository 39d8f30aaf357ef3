import "server-only";
import type { AppError, ErrorCode } from "../../errors";
import type { ErrorDialect } from "./dialect";

/**
 * Seed 004's numeric codes. 5023, 4001, 4002 and 3001 with their messages are the seed's own;
 * the rest are this portal's choice, grouped as the seed groups them (1xxx request, 3xxx entity,
 * 4xxx access, 5xxx password, 9xxx server). docs/api.md and the OpenAPI document list them.
 */
export const STATUS_ENVELOPE_CODES = {
  MISSING_PARAMETERS: 1001,
  INVALID_PARAMETERS: 1002,
  MALFORMED_JSON: 1003,
  PAYLOAD_TOO_LARGE: 1004,
  UNSUPPORTED_MEDIA_TYPE: 1005,
  METHOD_NOT_ALLOWED: 1006,
  NOT_FOUND: 3001,
  UNAUTHORIZED: 4001,
  ACCESS_DENIED: 4003,
  TOO_MANY_REQUESTS: 4029,
  WEAK_PASSWORD: 5021,
  SAME_PASSWORD: 5022,
  INCORRECT_OLD_PASSWORD: 5023,
  UNEXPECTED_ERROR: 9001,
  SERVICE_UNAVAILABLE: 9003,
} as const satisfies Partial<Record<ErrorCode, number>>;

export const NO_AUTH_TOKEN = { status: 401, code: 4002, message: "No auth token" } as const;
export const ENTITY_NOT_FOUND = { status: 404, code: 3001, message: "Entity not found" } as const;
/** Errors this route cannot produce (they belong to other endpoints) still get a code of their class. */
const fallbackCode = (status: number) => (status >= 500 ? STATUS_ENVELOPE_CODES.UNEXPECTED_ERROR : 1000);

function statusCodeAndMessage(error: AppError): { status: number; code: number; message: string } {
  if (error.reason === "no-credentials") return NO_AUTH_TOKEN;
  if (error.reason === "account-gone" || error.code === "NOT_FOUND") return ENTITY_NOT_FOUND;
  const code = (STATUS_ENVELOPE_CODES as Partial<Record<ErrorCode, number>>)[error.code] ?? fallbackCode(error.status);
  return { status: error.status, code, message: error.message };
}

/** Seed 004 (`seed004ChangePassword` in lib/endpoints): `{"status": false, "error": {code, message}}`. */
export const statusEnvelopeDialect: ErrorDialect = {
  name: "seed-004",
  present(error) {
    const { status, code, message } = statusCodeAndMessage(error);
    const body: Record<string, unknown> = { status: false, error: { code, message } };
    // Which field was wrong, for the validation codes: the seed's envelope has no place for it
    // beyond the message, so it goes in an extra member its clients can ignore.
    if (error.fieldErrors && Object.keys(error.fieldErrors).length) (body.error as Record<string, unknown>).fields = error.fieldErrors;
    return { status, body };
  },
};
