import bcrypt from "bcrypt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decoyHash, hashPassword, LONGEST_CHECKED_PASSWORD, verifyPassword } from "./password-hash";

const COST = 4;

/*
 * Fixed vectors made independently of this code: Debian's python3-passlib 1.7.4
 * (`passlib.hash.bcrypt_sha256.using(rounds=4).hash(password)`, its default v=2 over the
 * python3-bcrypt 3.2.2 backend) and python3-bcrypt's own `hashpw` for the plain ones.
 */
const LONG_PREFIX = "x".repeat(72);
const PASSLIB = {
  ascii: ["Tr0ub4dor&3", "$bcrypt-sha256$v=2,t=2b,r=4$hdKc1rnFNBD/j1mkpYVdKO$k0OESnl2LTf1z6o8RkIomeZFiRrrwGu"],
  /** UTF-8 before the HMAC; NFC and NFKC agree on this spelling. */
  unicode: ["p\u00e4ssw\u00f6rd-\u00fcn\u00efc\u00f6d\u00e9", "$bcrypt-sha256$v=2,t=2b,r=4$KqtffNxATfzBvIVcaxQ0BO$O/n9nYzDOn/H73GGJGVKi67/QkjlBZ."],
  /** 81 bytes each, the same first 72: plain bcrypt would see one password. */
  longOne: [`${LONG_PREFIX}-tail-one`, "$bcrypt-sha256$v=2,t=2b,r=4$LttqEAPZzKqdyeW9pBl1i.$At.niaZc9TDKuB6yxsOATPSB6Zcc/LK"],
  longTwo: [`${LONG_PREFIX}-tail-two`, "$bcrypt-sha256$v=2,t=2b,r=4$vpk1faRd12JzB/XlJQ.OmO$LbXl5RmyeCgXkMtQvshlqjvoqW5TYki"],
  costFive: ["cost five please", "$bcrypt-sha256$v=2,t=2b,r=5$I5gGUgoJoNQqY2pT3kPlLe$5jt1uMv/9dcUC.5I0WwAVw3SpOkZcry"],
} as const;
const PLAIN_BCRYPT = {
  "2b": "$2b$04$k5BABmMPZvL8p1OQ9azlDuQwGIIEpHDQPqbmgg3tQY5qXO8dlGsYm",
  "2a": "$2a$04$BU2AHXlrR/ZqToc/uCR5xeOvsjeBTEWGUhhiHVOfieQaMm0T4rS5y",
} as const;

afterEach(() => {
  vi.restoreAllMocks();
});

describe("password hashing", () => {
  it("writes passlib's bcrypt_sha256 v2 format with the requested cost", async () => {
    const hash = await hashPassword("correct horse battery staple", COST);
    expect(hash).toMatch(/^\$bcrypt-sha256\$v=2,t=2b,r=4\$[./A-Za-z0-9]{22}\$[./A-Za-z0-9]{31}$/);
  });

  it.each(Object.entries(PASSLIB))("verifies passlib's bcrypt_sha256 vector (%s) and rejects a wrong password against it", async (_label, [password, stored]) => {
    expect((await verifyPassword(password, stored, 4)).valid).toBe(true);
    expect((await verifyPassword(`${password}!`, stored, 4)).valid).toBe(false);
  });

  it.each(Object.entries(PASSLIB))("writes, given passlib's salt, exactly passlib's string (%s)", async (_label, [password, stored]) => {
    const [, , params, salt] = stored.split("$") as [string, string, string, string];
    const cost = Number(/r=(\d+)/.exec(params)![1]);
    // Only the salt's randomness is replaced; hashing is the real code.
    vi.spyOn(bcrypt, "genSalt").mockImplementation(async () => `$2b$${String(cost).padStart(2, "0")}$${salt}`);
    expect(await hashPassword(password, cost)).toBe(stored);
  });

  it("counts the bytes past the 72nd: passlib's two long vectors each verify only their own password", async () => {
    const [one, oneStored] = PASSLIB.longOne;
    const [two, twoStored] = PASSLIB.longTwo;
    expect((await verifyPassword(one, oneStored, COST)).valid).toBe(true);
    expect((await verifyPassword(two, oneStored, COST)).valid).toBe(false);
    expect((await verifyPassword(two, twoStored, COST)).valid).toBe(true);
    expect((await verifyPassword(one, twoStored, COST)).valid).toBe(false);
    expect((await verifyPassword(LONG_PREFIX, oneStored, COST)).valid).toBe(false);
  });

  it("reads the cost from passlib's r= field", async () => {
    const [password, stored] = PASSLIB.costFive;
    expect(await verifyPassword(password, stored, 5)).toEqual({ valid: true, needsRehash: false });
    expect(await verifyPassword(password, stored, 6)).toEqual({ valid: true, needsRehash: true });
  });

  it("verifies the right password and rejects a wrong one", async () => {
    const hash = await hashPassword("open sesame 42", COST);
    expect(await verifyPassword("open sesame 42", hash, COST)).toEqual({ valid: true, needsRehash: false });
    expect((await verifyPassword("open sesame 43", hash, COST)).valid).toBe(false);
  });

  it("refuses a password longer than any the policy accepted without hashing it, even one the hash was made from", async () => {
    const overlong = "o".repeat(LONGEST_CHECKED_PASSWORD + 1);
    const hash = await hashPassword(overlong, COST);
    const compare = vi.spyOn(bcrypt, "compare");
    expect(await verifyPassword(overlong, hash, COST)).toEqual({ valid: false, needsRehash: false });
    expect(compare).not.toHaveBeenCalled();
    const longest = "o".repeat(LONGEST_CHECKED_PASSWORD);
    expect((await verifyPassword(longest, await hashPassword(longest, COST), COST)).valid).toBe(true);
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

  it.each(Object.entries(PLAIN_BCRYPT))("verifies an imported plain $%s$ hash made by python-bcrypt and asks for an upgrade", async (_prefix, stored) => {
    expect(await verifyPassword("legacy-password", stored, COST)).toEqual({ valid: true, needsRehash: true });
    expect((await verifyPassword("other-password", stored, COST)).valid).toBe(false);
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
