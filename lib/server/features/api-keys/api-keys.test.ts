import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { database } from "../../db/client";
import { AppError } from "../../errors";
import { registerAccount } from "../sign-in";
import { authenticateApiKey, createApiKey, listApiKeys, MAX_LIVE_API_KEYS, recordApiKeyUse, revokeApiKey } from "./api-keys";

const client = { ip: "203.0.113.7", userAgent: "vitest" };

async function newCaller() {
  const user = await registerAccount({ email: `keys-${randomUUID()}@example.com`, password: "lantern-orchid-velvet" }, client);
  return { userId: user.id, sessionId: randomUUID() };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

const row = (id: string) => database().apiKey.findUniqueOrThrow({ where: { id } });

describe("createApiKey", () => {
  it("shows a cxk_ key once and stores only its SHA-256 digest and first characters", async () => {
    const caller = await newCaller();
    const created = await createApiKey(caller, { name: "Acme CRM" }, client);
    expect(created.key).toMatch(/^cxk_[A-Za-z0-9_-]{43}$/);
    const stored = await row(created.id);
    expect(stored.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.prefix).toBe(created.key.slice(0, 12));
    expect(JSON.stringify(stored)).not.toContain(created.key);
    expect(await listApiKeys(caller)).toEqual([{ id: created.id, name: "Acme CRM", prefix: stored.prefix, createdAt: stored.createdAt, lastUsedAt: null }]);
  });

  it("records api_key_created with the key's name, where and from what", async () => {
    const caller = await newCaller();
    const created = await createApiKey(caller, { name: "Acme CRM" }, client);
    const event = await database().securityEvent.findFirstOrThrow({ where: { userId: caller.userId, type: "api_key_created" } });
    expect(event).toMatchObject({ ip: client.ip, userAgent: client.userAgent, detail: { apiKeyId: created.id, name: "Acme CRM" } });
  });

  it(`refuses a key past ${MAX_LIVE_API_KEYS} live ones, and counts only live ones`, async () => {
    const caller = await newCaller();
    const keys = [];
    for (let i = 0; i < MAX_LIVE_API_KEYS; i++) keys.push(await createApiKey(caller, { name: `App ${i}` }, client));
    expect(await codeOf(createApiKey(caller, { name: "One too many" }, client))).toBe("INVALID_REQUEST");
    await revokeApiKey(caller, keys[0]!.id, client);
    expect(await codeOf(createApiKey(caller, { name: "In its place" }, client))).toBe("ok");
  });
});

describe("listApiKeys", () => {
  it("lists the caller's live keys newest first, never anyone else's", async () => {
    const caller = await newCaller();
    const other = await newCaller();
    const first = await createApiKey(caller, { name: "First" }, client);
    const second = await createApiKey(caller, { name: "Second" }, client);
    const revoked = await createApiKey(caller, { name: "Revoked" }, client);
    await createApiKey(other, { name: "Not yours" }, client);
    await revokeApiKey(caller, revoked.id, client);
    await database().apiKey.update({ where: { id: first.id }, data: { createdAt: new Date(Date.now() - 60_000) } });
    expect((await listApiKeys(caller)).map((key) => key.id)).toEqual([second.id, first.id]);
  });
});

describe("revokeApiKey", () => {
  it("revokes the caller's key once: again, someone else's or unknown is NOT_FOUND", async () => {
    const caller = await newCaller();
    const other = await newCaller();
    const created = await createApiKey(caller, { name: "Acme CRM" }, client);
    expect(await codeOf(revokeApiKey(other, created.id, client))).toBe("NOT_FOUND");
    expect(await codeOf(revokeApiKey(caller, randomUUID(), client))).toBe("NOT_FOUND");
    expect(await codeOf(revokeApiKey(caller, "not-a-uuid\u0000", client))).toBe("NOT_FOUND");
    expect(await authenticateApiKey(created.key)).not.toBeNull();

    await revokeApiKey(caller, created.id, client);
    expect((await row(created.id)).revokedAt).toBeInstanceOf(Date);
    expect(await codeOf(revokeApiKey(caller, created.id, client))).toBe("NOT_FOUND");
    const events = await database().securityEvent.findMany({ where: { userId: caller.userId, type: "api_key_revoked" } });
    expect(events.map((event) => event.detail)).toEqual([{ apiKeyId: created.id, name: "Acme CRM" }]);
  });
});

describe("authenticateApiKey", () => {
  it("names the application of a live key, and nothing more", async () => {
    const caller = await newCaller();
    const created = await createApiKey(caller, { name: "Acme CRM" }, client);
    expect(await authenticateApiKey(created.key)).toEqual({ id: created.id, name: "Acme CRM", lastUsedAt: null });
    // Identifying writes nothing: only recordApiKeyUse does, once the call authenticated its user.
    expect((await row(created.id)).lastUsedAt).toBeNull();
  });

  it("answers null for unknown, malformed and revoked keys", async () => {
    const caller = await newCaller();
    const created = await createApiKey(caller, { name: "Acme CRM" }, client);
    const unknown = `cxk_${"A".repeat(43)}`;
    for (const key of [unknown, "", "cxk_", created.key.slice(0, -1), `${created.key}x`, ` ${created.key}`, created.key.replace("cxk_", "cxp_"), "cxk_\u0000"]) {
      expect({ key, found: await authenticateApiKey(key) }).toEqual({ key, found: null });
    }
    await revokeApiKey(caller, created.id, client);
    expect(await authenticateApiKey(created.key)).toBeNull();
  });

  it("records the last use at most once a minute", async () => {
    const caller = await newCaller();
    const created = await createApiKey(caller, { name: "Acme CRM" }, client);
    const use = async () => recordApiKeyUse((await authenticateApiKey(created.key))!);
    await use();
    const first = (await row(created.id)).lastUsedAt;
    expect(first).toBeInstanceOf(Date);

    await use();
    expect((await row(created.id)).lastUsedAt).toEqual(first);

    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await database().apiKey.update({ where: { id: created.id }, data: { lastUsedAt: twoMinutesAgo } });
    await use();
    expect((await row(created.id)).lastUsedAt!.getTime()).toBeGreaterThan(twoMinutesAgo.getTime() + 60_000);
    expect((await listApiKeys(caller))[0]!.lastUsedAt).toEqual((await row(created.id)).lastUsedAt);
  });
});
