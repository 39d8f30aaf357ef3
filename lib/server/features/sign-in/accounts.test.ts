import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import bcrypt from "bcrypt";
import { database } from "../../db/client";
import { AppError } from "../../errors";
import { registerAccount } from "./register-account";
import { signIn } from "./sign-in";
import { authenticateApiToken, authenticateBrowserSession, endSession, rotateApiToken } from "../../services/sessions";
import * as passwordHash from "../../security/password-hash";
import { loginSchema } from "@/lib/schemas/auth";

const client = { ip: "203.0.113.7", userAgent: "vitest" };
const email = () => `svc-${randomUUID()}@example.com`;
const later = (ms: number) => ({ now: () => new Date(Date.now() + ms) });

async function newAccount(password = "lantern-orchid-velvet") {
  const user = await registerAccount({ email: email(), password, name: "Svc" }, client);
  return { user, password };
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

describe("registerAccount", () => {
  it("stores a bcrypt-sha256 hash and records an account_created event", async () => {
    const { user } = await newAccount();
    const row = await database().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$bcrypt-sha256\$/);
    const events = await database().securityEvent.findMany({ where: { userId: user.id } });
    expect(events.map((event) => event.type)).toEqual(["account_created"]);
  });

  it("answers EMAIL_TAKEN for a duplicate address", async () => {
    const { user } = await newAccount();
    expect(await codeOf(registerAccount({ email: user.email, password: "another-fine-phrase" }, client))).toBe("EMAIL_TAKEN");
  });
});

describe("signIn", () => {
  it("opens an API session with a token stored only as a hash", async () => {
    const { user, password } = await newAccount();
    // The email as typed, normalised at the schema edge as every entrance does.
    const result = await signIn(loginSchema.parse({ email: ` ${user.email.toUpperCase()} `, password }), "api", client);
    expect(result.token).toMatch(/^cxp_/);
    const row = await database().session.findUniqueOrThrow({ where: { id: result.session.id } });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.tokenHash).not.toContain(result.token!);
    expect(row).toMatchObject({ kind: "api", ip: client.ip, userAgent: client.userAgent, revokedAt: null });
  });

  it("opens a browser session without a token", async () => {
    const { user, password } = await newAccount();
    const result = await signIn({ email: user.email, password }, "browser", client);
    expect(result.token).toBeUndefined();
    expect((await authenticateBrowserSession(result.session.id))?.user.id).toBe(user.id);
  });

  it("spends one bcrypt verification on an unknown email, as on a wrong password", async () => {
    const verify = vi.spyOn(passwordHash, "verifyPassword");
    try {
      expect(await codeOf(signIn({ email: email(), password: "whatever-it-is" }, "api", client))).toBe("INVALID_CREDENTIALS");
      expect(verify).toHaveBeenCalledTimes(1);
      const decoy = await passwordHash.decoyHash(Number(process.env.BCRYPT_COST));
      expect(verify.mock.calls[0]![1]).toBe(decoy);
    } finally {
      verify.mockRestore();
    }
  });

  it("records failed attempts against a known account", async () => {
    const { user } = await newAccount();
    expect(await codeOf(signIn({ email: user.email, password: "wrong-wrong-wrong" }, "api", client))).toBe("INVALID_CREDENTIALS");
    const types = (await database().securityEvent.findMany({ where: { userId: user.id } })).map((event) => event.type);
    expect(types).toContain("sign_in_failed");
  });

  it("upgrades an imported plain bcrypt hash at the next successful sign-in", async () => {
    const { user } = await newAccount();
    const imported = await bcrypt.hash("imported-secret-phrase", 4);
    await database().user.update({ where: { id: user.id }, data: { passwordHash: imported } });
    await signIn({ email: user.email, password: "imported-secret-phrase" }, "api", client);
    const row = await database().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$bcrypt-sha256\$/);
    expect((await signIn({ email: user.email, password: "imported-secret-phrase" }, "api", client)).user.id).toBe(user.id);
  });
});

describe("API token sessions", () => {
  it("rotates once: the old token stops working, the new one works", async () => {
    const { user, password } = await newAccount();
    const { session, token } = await signIn({ email: user.email, password }, "api", client);
    const rotated = await rotateApiToken(session, token!);
    expect(await authenticateApiToken(token!)).toBeNull();
    expect((await authenticateApiToken(rotated.token))?.id).toBe(session.id);
    expect(await codeOf(rotateApiToken(session, token!))).toBe("UNAUTHORIZED");
  });

  it("stops accepting a token after its expiry", async () => {
    const { user, password } = await newAccount();
    const { token } = await signIn({ email: user.email, password }, "api", client);
    expect(await authenticateApiToken(token!, later(23 * 3600_000))).not.toBeNull();
    expect(await authenticateApiToken(token!, later(25 * 3600_000))).toBeNull();
  });

  it("ends a session once and records it", async () => {
    const { user, password } = await newAccount();
    const { session, token } = await signIn({ email: user.email, password }, "api", client);
    await endSession({ id: session.id, userId: user.id }, client);
    await endSession({ id: session.id, userId: user.id }, client);
    expect(await authenticateApiToken(token!)).toBeNull();
    const signedOut = await database().securityEvent.count({ where: { userId: user.id, type: "signed_out" } });
    expect(signedOut).toBe(1);
  });

  it("records last activity at most once a minute", async () => {
    const { user, password } = await newAccount();
    const { session, token } = await signIn({ email: user.email, password }, "api", client);
    const created = (await database().session.findUniqueOrThrow({ where: { id: session.id } })).lastSeenAt;
    await authenticateApiToken(token!, later(30_000));
    expect((await database().session.findUniqueOrThrow({ where: { id: session.id } })).lastSeenAt).toEqual(created);
    await authenticateApiToken(token!, later(120_000));
    expect((await database().session.findUniqueOrThrow({ where: { id: session.id } })).lastSeenAt.getTime()).toBeGreaterThan(created.getTime());
  });
});
