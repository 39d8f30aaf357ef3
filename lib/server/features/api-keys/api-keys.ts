import "server-only";
import { ROW_ID_FORMAT } from "../../db/row-id";
import type { CreateApiKeyInput } from "@/lib/schemas/api-key";
import { inTransaction } from "../../db/client";
import { AppError } from "../../errors";
import { systemClock, type Clock } from "../../clock";
import { apiKeyRepository, type ApiKeyRecord } from "../../repositories/api-key-repository";
import { securityEventRepository } from "../../repositories/security-event-repository";
import { generatePrefixedSecret, hashApiToken } from "../../security/api-token";
import type { Caller, ClientContext } from "../../request-context";

/**
 * API keys name a third-party application registered by a signed-in person. A key is never a
 * credential for any account: a request made with one still needs the end user's own token.
 */
const KEY_PREFIX = "cxk_";
const KEY_FORMAT = /^cxk_[A-Za-z0-9_-]{43}$/;
/** `cxk_` and 8 more characters: enough to tell keys apart in a list, 210 secret bits left. */
const SHOWN_PREFIX_LENGTH = KEY_PREFIX.length + 8;
/** Keys are cheap to make and each is a secret somewhere: a bound keeps a list reviewable. */
export const MAX_LIVE_API_KEYS = 20;
export const TOO_MANY_KEYS_MESSAGE = `You can have at most ${MAX_LIVE_API_KEYS} API keys. Revoke one you no longer use first.`;
/** Ids are UUIDs; anything else (a NUL character included) is unknown without asking the database. */

export type ApiKeySummary = ApiKeyRecord;

/** The one answer that carries the key itself; only its digest is stored. */
export interface CreatedApiKey extends ApiKeyRecord {
  key: string;
}

export async function createApiKey(
  caller: Caller,
  input: CreateApiKeyInput,
  client: ClientContext,
  clock: Clock = systemClock,
): Promise<CreatedApiKey> {
  const key = generatePrefixedSecret(KEY_PREFIX);
  const data = { userId: caller.userId, name: input.name, prefix: key.slice(0, SHOWN_PREFIX_LENGTH), keyHash: hashApiToken(key), createdAt: clock.now() };
  const created = await inTransaction(async (tx) => {
    // The session was valid a moment ago: the account was closed in between.
    if (!(await apiKeyRepository.lockOwner(caller.userId, tx))) throw new AppError("UNAUTHORIZED");
    if ((await apiKeyRepository.countLive(caller.userId, tx)) >= MAX_LIVE_API_KEYS) {
      throw new AppError("INVALID_REQUEST", { apiKeys: [TOO_MANY_KEYS_MESSAGE] });
    }
    const record = await apiKeyRepository.create(data, tx);
    const detail = { apiKeyId: record.id, name: record.name };
    await securityEventRepository.record({ userId: caller.userId, type: "api_key_created", detail, ...client }, tx);
    return record;
  });
  return { ...created, key };
}

/** The caller's live keys, newest first. Revoked keys are gone from the list. */
export function listApiKeys(caller: Caller): Promise<ApiKeySummary[]> {
  return apiKeyRepository.listLiveForUser(caller.userId);
}

/**
 * Revokes one of the caller's live keys. Someone else's, an unknown id, or a key already revoked
 * is NOT_FOUND (404), as for sessions: the answer never tells whose a key is.
 */
export async function revokeApiKey(caller: Caller, id: string, client: ClientContext, clock: Clock = systemClock): Promise<void> {
  if (!ROW_ID_FORMAT.test(id)) throw new AppError("NOT_FOUND");
  await inTransaction(async (tx) => {
    const revoked = await apiKeyRepository.revokeOwned(id, caller.userId, clock.now(), tx);
    if (!revoked) throw new AppError("NOT_FOUND");
    const detail = { apiKeyId: id, name: revoked.name };
    await securityEventRepository.record({ userId: caller.userId, type: "api_key_revoked", detail, ...client }, tx);
  });
}

export interface KeyedApplication {
  id: string;
  name: string;
  lastUsedAt: Date | null;
}

/**
 * The application a key names, or null for an unknown, revoked or malformed key. Identifies the
 * application only, never an account, and writes nothing: see recordApiKeyUse.
 */
export async function authenticateApiKey(key: string): Promise<KeyedApplication | null> {
  if (typeof key !== "string" || !KEY_FORMAT.test(key)) return null;
  return apiKeyRepository.findLiveByHash(hashApiToken(key));
}

/**
 * Records a key's use (at most once a minute per key), once the call it came with has
 * authenticated its user: an anonymous caller holding a key must not write to the database.
 */
export async function recordApiKeyUse(application: KeyedApplication): Promise<void> {
  await apiKeyRepository.touchIfDue(application, systemClock.now());
}
