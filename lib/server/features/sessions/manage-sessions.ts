import "server-only";
import { AppError } from "../../errors";
import { systemClock, type Clock } from "../../clock";
import { inTransaction } from "../../db/client";
import { emailChallengeRepository } from "../../repositories/email-challenge-repository";
import { sessionRepository } from "../../repositories/session-repository";
import { userRepository } from "../../repositories/user-repository";
import { securityEventRepository } from "../../repositories/security-event-repository";
import type { Caller, ClientContext } from "../../request-context";

export const RECENT_EVENTS = 10;

/** The caller's live sessions and API tokens, most recently used first, the current one marked. */
export async function listSessions(caller: Caller, clock: Clock = systemClock) {
  const sessions = await sessionRepository.listActiveForUser(caller.userId, clock.now());
  return sessions.map((session) => ({ ...session, current: session.id === caller.sessionId }));
}

/** Revokes one of the caller's own sessions; someone else's, or a dead one, is "not found". */
export async function revokeSession(caller: Caller, sessionId: string, client: ClientContext, clock: Clock = systemClock) {
  if (!(await sessionRepository.revokeOwned(sessionId, caller.userId, clock.now()))) throw new AppError("NOT_FOUND");
  await securityEventRepository.record({ userId: caller.userId, type: "session_revoked", detail: { count: 1 }, ...client });
}

/**
 * "Sign out everywhere else": every session but the caller's, and any pending email change, whose
 * link needs no session (a signed-out intruder could still confirm it). The account row, then the
 * challenges, then the sessions: the order a password change and an email change's confirmation
 * take them in, so none of them deadlocks with this.
 */
export async function revokeOtherSessions(caller: Caller, client: ClientContext, clock: Clock = systemClock): Promise<number> {
  const count = await inTransaction(async (tx) => {
    await userRepository.lockForUpdate(caller.userId, tx);
    await emailChallengeRepository.discardOpen(caller.userId, ["change"], tx);
    return sessionRepository.revokeAllForUser(caller.userId, caller.sessionId, clock.now(), tx);
  });
  if (count) await securityEventRepository.record({ userId: caller.userId, type: "session_revoked", detail: { count }, ...client });
  return count;
}

/** The caller's latest events; `application` names the third-party app an event came through (seed 002's API key). */
export async function recentSecurityEvents(caller: Caller) {
  const events = await securityEventRepository.listForUser(caller.userId, RECENT_EVENTS);
  return events.map(({ detail, ...event }) => ({ ...event, application: applicationOf(detail) }));
}

function applicationOf(detail: unknown): string | null {
  const application = (detail as { application?: unknown } | null)?.application;
  return typeof application === "string" ? application : null;
}
