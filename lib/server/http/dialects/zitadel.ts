import "server-only";
import type { AppError, ErrorCode } from "../../errors";
import { describeFieldErrors, type ErrorDialect } from "./dialect";

/** gRPC status codes, as Zitadel's gRPC gateway writes them in `code`. */
const GRPC = {
  INVALID_ARGUMENT: 3,
  NOT_FOUND: 5,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
} as const;

export const ZITADEL_ERROR_DETAIL_TYPE = "type.googleapis.com/zitadel.v1.ErrorDetail";

interface ZitadelError {
  grpc: number;
  /** Zitadel's error id (zitadel/zitadel, internal/command/user_human_password.go and friends), or ours. */
  id: string;
  /** Zitadel's English text for that id (internal/static/i18n/en.yaml), or ours. */
  text: string;
}

// Zitadel's own ids and texts where it has the case; "PORTAL-<code>" where it has none.
const ZITADEL_ERRORS: Partial<Record<ErrorCode, ZitadelError>> = {
  MISSING_PARAMETERS: { grpc: GRPC.INVALID_ARGUMENT, id: "COMMAND-3M0fs", text: "Password is empty" },
  INCORRECT_OLD_PASSWORD: { grpc: GRPC.INVALID_ARGUMENT, id: "COMMAND-3M0fs", text: "Password is invalid" },
  SAME_PASSWORD: { grpc: GRPC.FAILED_PRECONDITION, id: "COMMAND-Aesh5", text: "New password cannot be the same as your current password" },
  UNAUTHORIZED: { grpc: GRPC.UNAUTHENTICATED, id: "AUTH-7fs1e", text: "Token is invalid" },
  NOT_FOUND: { grpc: GRPC.NOT_FOUND, id: "COMMAND-G8dh3", text: "User could not be found" },
  ACCESS_DENIED: { grpc: GRPC.PERMISSION_DENIED, id: "PORTAL-ACCESS_DENIED", text: "Access denied" },
  TOO_MANY_REQUESTS: { grpc: GRPC.RESOURCE_EXHAUSTED, id: "PORTAL-TOO_MANY_REQUESTS", text: "Too many requests" },
  UNEXPECTED_ERROR: { grpc: GRPC.INTERNAL, id: "PORTAL-UNEXPECTED_ERROR", text: "An internal error occurred" },
  SERVICE_UNAVAILABLE: { grpc: GRPC.UNAVAILABLE, id: "PORTAL-SERVICE_UNAVAILABLE", text: "Service temporarily unavailable" },
  // grpc-gateway's own answer to a method a path lacks: 405, Unimplemented, "Method Not Allowed".
  METHOD_NOT_ALLOWED: { grpc: GRPC.UNIMPLEMENTED, id: "PORTAL-METHOD_NOT_ALLOWED", text: "Method Not Allowed" },
  UNSUPPORTED_MEDIA_TYPE: {
    grpc: GRPC.INVALID_ARGUMENT,
    id: "PORTAL-UNSUPPORTED_MEDIA_TYPE",
    text: "Only application/json is served here; gRPC and gRPC-Web are not",
  },
};

/** Zitadel's password complexity policy texts for the rules this portal shares with it. */
const POLICY_ERRORS: Record<string, Omit<ZitadelError, "grpc">> = {
  "Use at least 8 characters": { id: "DOMAIN-HuJf6", text: "Password is too short" },
};

/** Refused by the HTTP layer before any gRPC method would run: the status stays. */
const KEEPS_HTTP_STATUS = new Set([405, 413, 415]);

/** HTTP status for each gRPC code, as grpc-gateway maps them. */
const HTTP_STATUS: Record<number, number> = { 3: 400, 5: 404, 7: 403, 8: 429, 9: 400, 13: 500, 14: 503, 16: 401 };

function zitadelErrorFor(error: AppError): ZitadelError {
  if (error.reason === "account-gone") return ZITADEL_ERRORS.NOT_FOUND!;
  if (error.code === "WEAK_PASSWORD") {
    const problems = Object.values(error.fieldErrors ?? {}).flat();
    const known = problems.map((problem) => POLICY_ERRORS[problem]).find(Boolean);
    if (known) return { grpc: GRPC.INVALID_ARGUMENT, ...known };
    return { grpc: GRPC.INVALID_ARGUMENT, id: "PORTAL-WEAK_PASSWORD", text: `${error.message}: ${problems.join("; ")}` };
  }
  const own = ZITADEL_ERRORS[error.code];
  if (own) return own;
  // Parameter and transport errors Zitadel's gateway would answer with its own parser's words.
  const fields = describeFieldErrors(error);
  return { grpc: GRPC.INVALID_ARGUMENT, id: `PORTAL-${error.code}`, text: fields ? `${error.message}: ${fields}` : error.message };
}

/**
 * Seed 003 (Zitadel's Change Password, lib/endpoints/seeds.ts): grpc-gateway's error body, with Zitadel's
 * message convention "<text> (<id>)" and one ErrorDetail. 405, 413 and 415 keep their HTTP status
 * (they are refused before any gRPC method would run); every other status follows the gRPC code.
 */
export const zitadelDialect: ErrorDialect = {
  name: "seed-003",
  present(error) {
    const { grpc, id, text } = zitadelErrorFor(error);
    const status = KEEPS_HTTP_STATUS.has(error.status) ? error.status : (HTTP_STATUS[grpc] ?? error.status);
    return {
      status,
      body: { code: grpc, message: `${text} (${id})`, details: [{ "@type": ZITADEL_ERROR_DETAIL_TYPE, id, message: text }] },
    };
  },
};
