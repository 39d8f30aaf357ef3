import "server-only";
import type { FieldErrors } from "../../errors";
import type { ErrorDialect } from "./dialect";

/** The Cargo Extra gateway's v1 shape: `{message, code, errors?, requestId?}` with the table's status. */
export const v1Dialect: ErrorDialect = {
  name: "v1",
  present(error, requestId) {
    const body: Record<string, unknown> = { message: error.message, code: error.code, ...error.body };
    if (error.fieldErrors && Object.keys(error.fieldErrors).length) body.errors = error.fieldErrors satisfies FieldErrors;
    if (error.status >= 500) body.requestId = requestId;
    return { status: error.status, body };
  },
};
