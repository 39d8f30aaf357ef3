import { describe, expect, it } from "vitest";
import { generateResetCode, generateResetSecret, keyedHash, sameHash } from "./reset-secrets";

describe("reset secrets", () => {
  it("makes six-digit codes, leading zeros included, spread over the whole range", () => {
    const codes = Array.from({ length: 2000 }, generateResetCode);
    expect(codes.every((code) => /^\d{6}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(1990);
    expect(codes.some((code) => code.startsWith("0"))).toBe(true);
  });

  it("makes 256-bit link secrets", () => {
    expect(generateResetSecret()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("hashes with a key, per purpose and per reset, so equal codes differ across resets", () => {
    const a = keyedHash("code", "123456", "reset-a");
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(keyedHash("code", "123456", "reset-b")).not.toBe(a);
    expect(keyedHash("token", "123456", "reset-a")).not.toBe(a);
    expect(sameHash(a, keyedHash("code", "123456", "reset-a"))).toBe(true);
    expect(sameHash(a, keyedHash("code", "123457", "reset-a"))).toBe(false);
  });
});
