import "server-only";
import type { Principal } from "../auth/principal";
import type { Caller } from "../request-context";

/** The services' view of an authenticated request: who, and through which session. */
export function callerOf(principal: Principal): Caller {
  return { userId: principal.session.user.id, sessionId: principal.session.id };
}
