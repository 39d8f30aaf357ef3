import "server-only";
import { config } from "../config";
import { AppError } from "../errors";
import { systemClock, type Clock } from "../clock";
import { sessionRepository, type SessionWithUser } from "../repositories/session-repository";
import { securityEventRepository } from "../repositories/security-event-repository";
import { generateApiToken, hashApiToken, looksLikeApiToken } from "../security/api-token";
import type { ClientContext } from "../request-context";

/** The live session behind an API token, or null when it is unknown, expired or revoked. */
export async function authenticateApiToken(token: string, clock: Clock = systemClock): Promise<SessionWithUser | null> {
  if (!looksLikeApiToken(token)) return null;
  const now = clock.now();
  const session = await sessionRepository.findActiveByTokenHash(hashApiToken(token), now);
  if (session) await sessionRepository.touch(session, now);
  return session;
}

/** The live session a next-auth JWT points at, or null when it is expired or revoked. */
export async function authenticateBrowserSession(sessionId: string, clock: Clock = systemClock): Promise<SessionWithUser | null> {
  const now = clock.now();
  const session = await sessionRepository.findActiveById(sessionId, now);
  if (session) await sessionRepository.touch(session, now);
  return session;
}

/**
 * `checkSession` in lib/endpoints: replaces the caller's token with a new one and extends its life, but
 * never past API_TOKEN_MAX_DAYS after the sign-in: rotation cannot keep a token alive forever.
 * The swap is conditional on the old token, so a token can be rotated once: a second,
 * concurrent rotation of the same token gets 401 like any stale token.
 */
export async function rotateApiToken(
  session: { id: string; createdAt: Date },
  currentToken: string,
  clock: Clock = systemClock,
): Promise<{ token: string; expiresAt: Date }> {
  const { apiTokenMs, apiTokenMaxMs } = config();
  const now = clock.now();
  const token = generateApiToken();
  const expiresAt = new Date(Math.min(now.getTime() + apiTokenMs, session.createdAt.getTime() + apiTokenMaxMs));
  const rotated = await sessionRepository.rotateToken(session.id, hashApiToken(currentToken), hashApiToken(token), expiresAt, now);
  if (!rotated) throw new AppError("UNAUTHORIZED");
  return { token, expiresAt };
}

/** Ends one session (`logout` in lib/endpoints, next-auth sign-out). Ending it twice is harmless. */
export async function endSession(
  session: { id: string; userId: string },
  client: ClientContext,
  clock: Clock = systemClock,
): Promise<void> {
  if (await sessionRepository.revoke(session.id, clock.now())) {
    await securityEventRepository.record({ userId: session.userId, type: "signed_out", ...client });
  }
}
