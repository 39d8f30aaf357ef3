import { describe, expect, it } from "vitest";
import { challengeDigest, newChallengeToken, newRecoveryCodes, normalizeRecoveryCode, RECOVERY_CODE_COUNT, recoveryCodeDigest } from "./second-factor-secrets";

describe("recovery codes", () => {
  it("makes ten different codes of 50 random bits, xxxxx-xxxxx in Crockford's alphabet", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[0-9abcdefghjkmnpqrstvwxyz]{5}-[0-9abcdefghjkmnpqrstvwxyz]{5}$/);
    // Every character of the alphabet turns up over many codes: no bias towards a part of it.
    const seen = new Set(newRecoveryCodes(400).join("").replaceAll("-", ""));
    expect(seen.size).toBe(32);
  });

  it("reads a code as typed: case, spaces and hyphens ignored, o as 0 and i or l as 1", () => {
    expect(normalizeRecoveryCode("ab0cd-1ef2g")).toBe("ab0cd1ef2g");
    expect(normalizeRecoveryCode(" AB0CD 1EF2G ")).toBe("ab0cd1ef2g");
    expect(normalizeRecoveryCode("abOcd-Ief2g")).toBe("ab0cd1ef2g");
    expect(normalizeRecoveryCode("abocd-lef2g")).toBe("ab0cd1ef2g");
  });

  it("refuses what cannot be a code", () => {
    for (const input of ["", "ab0cd-1ef2", "ab0cd-1ef2gh", "ab0cd-1ef2u", "ab0cd_1ef2g", "ab0cd\u00001ef2g"]) {
      expect(normalizeRecoveryCode(input)).toBeNull();
    }
  });

  it("digests a code with a key, per account: the same code elsewhere digests differently", () => {
    const digest = recoveryCodeDigest("user-1", "ab0cd1ef2g");
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(recoveryCodeDigest("user-1", "ab0cd1ef2g")).toBe(digest);
    expect(recoveryCodeDigest("user-2", "ab0cd1ef2g")).not.toBe(digest);
    expect(digest).not.toContain("ab0cd1ef2g");
  });
});

describe("sign-in challenges", () => {
  it("are 256 random bits, stored only as a keyed digest", () => {
    const token = newChallengeToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newChallengeToken()).not.toBe(token);
    expect(challengeDigest(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(challengeDigest(token)).not.toBe(challengeDigest(newChallengeToken()));
  });
});
