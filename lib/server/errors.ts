import "server-only";

/**
 * Every error the API can answer with: status and exact message, as docs/api.md's error table documents.
 * Services throw AppError(code); lib/server/http turns it into the wire format, nowhere else.
 */
export const ERROR_TABLE = {
  MISSING_PARAMETERS: { status: 400, message: "Missing One or More Required Parameters" },
  INVALID_PARAMETERS: { status: 400, message: "Invalid parameters" },
  MALFORMED_JSON: { status: 400, message: "Malformed JSON body" },
  WEAK_PASSWORD: { status: 400, message: "Password does not meet the requirements" },
  INCORRECT_OLD_PASSWORD: { status: 400, message: "Incorrect old password" },
  INCORRECT_PASSWORD: { status: 400, message: "Incorrect password" },
  SAME_PASSWORD: { status: 400, message: "New password cannot be the same as the old password" },
  INVALID_OTP: { status: 400, message: "Invalid OTP" },
  INVALID_REQUEST: { status: 400, message: "Invalid Request" },
  NO_ACCOUNT: { status: 400, message: "No Account found with this email address" },
  UNAUTHORIZED: { status: 401, message: "Unauthorized" },
  SECOND_FACTOR_REQUIRED: { status: 401, message: "Second factor required" },
  INVALID_API_KEY: { status: 401, message: "Invalid API key" },
  INVALID_CREDENTIALS: { status: 401, message: "Invalid email or password" },
  ACCESS_DENIED: { status: 403, message: "Access denied" },
  EMAIL_NOT_VERIFIED: { status: 403, message: "Verify your email address first" },
  NOT_FOUND: { status: 404, message: "Not Found" },
  METHOD_NOT_ALLOWED: { status: 405, message: "Method Not Allowed" },
  EMAIL_TAKEN: { status: 409, message: "An account with this email address already exists" },
  ALREADY_ENABLED: { status: 409, message: "Two-step verification is already on" },
  PAYLOAD_TOO_LARGE: { status: 413, message: "Payload too large" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: "Content-Type must be application/json" },
  TOO_MANY_REQUESTS: { status: 429, message: "Too many requests" },
  UNEXPECTED_ERROR: { status: 500, message: "Unexpected Error" },
  SERVICE_UNAVAILABLE: { status: 503, message: "Service temporarily unavailable" },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_TABLE;

export type FieldErrors = Record<string, string[]>;

export interface AppErrorDetails {
  /** Overrides the table's status where the contract gives one code two (NO_ACCOUNT: 400 or 404). */
  status?: number;
  /** Seconds, sent as Retry-After (429, 503). */
  retryAfterSeconds?: number;
  /** Sent as RateLimit-Limit / -Remaining / -Reset (429). */
  rateLimit?: RateLimitInfo;
  /**
   * Why a request is UNAUTHORIZED, for dialects that tell the cases apart (seed 004: 4002 "No
   * auth token", 404 "Entity not found"); v1 answers the same 401 for all of them.
   */
  reason?: UnauthorizedReason;
  /** What the answer carries besides its message and code (SECOND_FACTOR_REQUIRED: the challenge to answer). */
  body?: Record<string, unknown>;
}

export type UnauthorizedReason = "no-credentials" | "account-gone";

export interface RateLimitInfo {
  limit: number;
  remaining: number;
  resetSeconds: number;
}

export class AppError extends Error {
  readonly status: number;
  readonly retryAfterSeconds?: number;
  readonly rateLimit?: RateLimitInfo;
  readonly reason?: UnauthorizedReason;
  readonly body?: Record<string, unknown>;

  constructor(
    readonly code: ErrorCode,
    readonly fieldErrors?: FieldErrors,
    details: AppErrorDetails = {},
  ) {
    // An expected answer, not a fault: no stack is ever read, and capturing one was a measurable
    // share of a cheap 401 or 400 (issue #12).
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(ERROR_TABLE[code].message);
    Error.stackTraceLimit = stackTraceLimit;
    this.name = "AppError";
    this.status = details.status ?? ERROR_TABLE[code].status;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.rateLimit = details.rateLimit;
    this.reason = details.reason;
    this.body = details.body;
  }
}
