import "server-only";
import type { ErrorDialect } from "./dialect";

/**
 * Seed 002 (`seed002ChangePassword` in lib/endpoints): `{"success": false, "message": …}` with v1's status and
 * message, the seed's own "New password cannot be the same as the old password" included (it is
 * v1's message too).
 */
export const successFlagDialect: ErrorDialect = {
  name: "seed-002",
  present(error) {
    return { status: error.status, body: { success: false, message: error.message } };
  },
};
