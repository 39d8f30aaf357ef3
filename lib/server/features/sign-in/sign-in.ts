import "server-only";
import type { SessionKind } from "../../db/generated/client";
import { config } from "../../config";
import { AppError } from "../../errors";
import { systemClock, type Clock } from "../../clock";
import { userRepository, type PublicUser } from "../../repositories/user-repository";
import { sessionRepository, type SessionRecord } from "../../repositories/session-repository";
import { securityEventRepository } from "../../repositories/security-event-repository";
import { decoyHash, hashPassword, verifyPassword } from "../../security/password-hash";
import { generateApiToken, hashApiToken } from "../../security/api-token";
import { afterAnswer, type ClientContext } from "../../request-context";
import { passwordMatches } from "../../services/account-password";
import type { UserWithCredentials } from "../../repositories/user-repository";
import { hasSecondFactor, openSignInChallenge, type SecondFactorMethod } from "../two-factor";

export interface SignInResult {
  user: PublicUser;
  session: SessionRecord;
  /** Only for API sessions: the bearer token, shown once and stored as a hash. */
  token?: string;
}

/**
 * Checks credentials and opens a session. Used by `login` in lib/endpoints (kind "api") and by
 * the next-auth Credentials provider (kind "browser"), so both follow the same rules.
 */
export async function signIn(
  credentials: { email: string; password: string },
  kind: SessionKind,
  client: ClientContext,
  clock: Clock = systemClock,
): Promise<SignInResult> {
  const { bcryptCost } = config();
  const user = await userRepository.findCredentialsByEmail(credentials.email);
  // An unknown email costs one bcrypt comparison too, so timing does not reveal accounts.
  const verification = user
    ? await passwordMatches(user, credentials.password)
    : await verifyPassword(credentials.password, await decoyHash(bcryptCost), bcryptCost);

  if (!user || !verification.valid) {
    // After the answer: waiting for this insert would tell a known email from an unknown one.
    if (user) await afterAnswer(() => securityEventRepository.record({ userId: user.id, type: "sign_in_failed", ...client }));
    throw new AppError("INVALID_CREDENTIALS");
  }
  if (verification.needsRehash) {
    await userRepository.upgradeHash(user.id, user.passwordHash, await hashPassword(credentials.password, bcryptCost));
  }

  const now = clock.now();
  // Every sign-in by password meets the second step here, whichever entrance it came through.
  if (await hasSecondFactor(user.id)) {
    const { challenge, expiresAt, methods } = await openSignInChallenge(user, now);
    throw new AppError("SECOND_FACTOR_REQUIRED", undefined, { body: { challenge, methods, expiresAt: expiresAt.toISOString() } });
  }
  return openSession(user, kind, client, "password", now);
}

/**
 * Opens the session of a sign-in that passed every step it needed (`method` says how, for the
 * security activity), bound to the credentials just verified: a change or reset that committed
 * meanwhile wins.
 */
export async function openSession(user: UserWithCredentials, kind: SessionKind, client: ClientContext, method: "password" | SecondFactorMethod, now: Date): Promise<SignInResult> {
  const { apiTokenMs, apiTokenMaxMs, browserSessionMs } = config();
  const token = kind === "api" ? generateApiToken() : undefined;
  const session = await sessionRepository.createIfCredentialsCurrent({
    userId: user.id,
    kind,
    tokenHash: token && hashApiToken(token),
    expiresAt: new Date(now.getTime() + (kind === "api" ? Math.min(apiTokenMs, apiTokenMaxMs) : browserSessionMs)),
    credentialVersion: user.credentialVersion,
    ...client,
  });
  if (!session) throw new AppError("INVALID_CREDENTIALS");
  const detail = method === "password" ? { kind } : { kind, secondFactor: method };
  await securityEventRepository.record({ userId: user.id, type: "signed_in", detail, ...client });

  const { passwordHash: _hash, credentialVersion: _version, passwordRevokedAt: _revoked, ...publicUser } = user;
  return { user: publicUser, session, token };
}
