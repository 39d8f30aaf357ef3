import bcrypt from "bcrypt";
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decoyHash, hashPassword, verifyPassword } from "./password-hash";

const COST = 4;

describe("password hashing", () => {
  it("writes passlib's bcrypt_sha256 v2 format with the requested cost", async () => {
    const hash = await hashPassword("correct horse battery staple", COST);
    expect(hash).toMatch(/^\$bcrypt-sha256\$v=2,t=2b,r=4\$[./A-Za-z0-9]{22}\$[./A-Za-z0-9]{31}$/);
  });

  it("is the construction passlib documents: bcrypt over base64(HMAC-SHA256(key=salt, password))", async () => {
    const hash = await hashPassword("Tr0ub4dor&3", COST);
    const [, , , salt, digest] = hash.split("$");
    const key = createHmac("sha256", salt!).update("Tr0ub4dor&3").digest("base64");
    expect(await bcrypt.compare(key, `$2b$04$${salt}${digest}`)).toBe(true);
  });

  it("verifies the right password and rejects a wrong one", async () => {
    const hash = await hashPassword("open sesame 42", COST);
    expect(await verifyPassword("open sesame 42", hash, COST)).toEqual({ valid: true, needsRehash: false });
    expect((await verifyPassword("open sesame 43", hash, COST)).valid).toBe(false);
  });

  it("tells apart two 100-character passwords that share their first 72 bytes", async () => {
    const shared = "x".repeat(72);
    const first = shared + "a".repeat(28);
    const second = shared + "b".repeat(28);
    const firstHash = await hashPassword(first, COST);
    const secondHash = await hashPassword(second, COST);
    expect((await verifyPassword(first, firstHash, COST)).valid).toBe(true);
    expect((await verifyPassword(second, firstHash, COST)).valid).toBe(false);
    expect((await verifyPassword(second, secondHash, COST)).valid).toBe(true);
    expect((await verifyPassword(first, secondHash, COST)).valid).toBe(false);
  });

  it("treats NFKC-equivalent spellings as the same password", async () => {
    const hash = await hashPassword("ｐａｓｓｗｏｒｄ-Ⅻ", COST);
    expect((await verifyPassword("password-XII", hash, COST)).valid).toBe(true);
  });

  it("verifies imported plain bcrypt hashes and asks for an upgrade", async () => {
    for (const prefix of ["2a", "2b"] as const) {
      const imported = await bcrypt.hash("legacy-password", await bcrypt.genSalt(COST, prefix === "2a" ? "a" : "b"));
      expect(imported.startsWith(`$${prefix}$`)).toBe(true);
      expect(await verifyPassword("legacy-password", imported, COST)).toEqual({ valid: true, needsRehash: true });
      expect((await verifyPassword("other-password", imported, COST)).valid).toBe(false);
    }
  });

  it("asks for an upgrade when the stored cost is below the configured one", async () => {
    const hash = await hashPassword("upgrade me please", 4);
    expect(await verifyPassword("upgrade me please", hash, 5)).toEqual({ valid: true, needsRehash: true });
  });

  it("rejects unknown or damaged hash strings without throwing", async () => {
    for (const stored of ["", "plaintext", "$bcrypt-sha256$v=2,t=2b,r=04$short$short", "$argon2id$v=19$m=65536"]) {
      expect(await verifyPassword("anything", stored, COST)).toEqual({ valid: false, needsRehash: false });
    }
  });

  it("keeps one decoy hash per cost, which no password is likely to match", async () => {
    const decoy = await decoyHash(COST);
    expect(await decoyHash(COST)).toBe(decoy);
    expect((await verifyPassword("", decoy, COST)).valid).toBe(false);
  });
});
