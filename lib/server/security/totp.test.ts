import { describe, expect, it } from "vitest";
import { acceptedTimeStep, newTotpSecret, sealTotpSecret, totpCodeAt, totpUri, unsealTotpSecret } from "./totp";
import { UnsealableError } from "./sealed";

// RFC 6238 Appendix B: the SHA-1 seed "12345678901234567890" (ASCII), here in Base32, and the
// 8-digit codes it lists, of which a 6-digit code is the last six digits.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const RFC_VECTORS: Array<[number, string]> = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];
const at = (seconds: number) => new Date(seconds * 1000);

describe("authenticator-app codes (RFC 6238)", () => {
  it.each(RFC_VECTORS)("at %i s the code is the last six digits of %s", async (seconds, eightDigits) => {
    expect(await totpCodeAt(RFC_SECRET, at(seconds))).toBe(eightDigits.slice(2));
    expect(await acceptedTimeStep(RFC_SECRET, eightDigits.slice(2), { now: at(seconds) })).toBe(Math.floor(seconds / 30));
  });

  it("accepts one step either side of now and nothing further", async () => {
    const now = 1_800_000_015;
    const step = Math.floor(now / 30);
    for (const offset of [-1, 0, 1]) {
      const code = await totpCodeAt(RFC_SECRET, at(now + offset * 30));
      expect(await acceptedTimeStep(RFC_SECRET, code, { now: at(now) })).toBe(step + offset);
    }
    for (const offset of [-2, 2]) {
      const code = await totpCodeAt(RFC_SECRET, at(now + offset * 30));
      expect(await acceptedTimeStep(RFC_SECRET, code, { now: at(now) })).toBeNull();
    }
  });

  it("never accepts a step at or before the last one accepted: a code replayed, or an older one", async () => {
    const now = at(1_800_000_015);
    const code = await totpCodeAt(RFC_SECRET, now);
    const step = (await acceptedTimeStep(RFC_SECRET, code, { now }))!;
    expect(await acceptedTimeStep(RFC_SECRET, code, { now, afterTimeStep: step })).toBeNull();
    const previous = await totpCodeAt(RFC_SECRET, new Date(now.getTime() - 30_000));
    expect(await acceptedTimeStep(RFC_SECRET, previous, { now, afterTimeStep: step })).toBeNull();
    const next = await totpCodeAt(RFC_SECRET, new Date(now.getTime() + 30_000));
    expect(await acceptedTimeStep(RFC_SECRET, next, { now, afterTimeStep: step })).toBe(step + 1);
  });

  it("answers a last step later than any it accepts (a clock behind another server's) as a wrong code, not an error", async () => {
    const now = at(1_800_000_015);
    const code = await totpCodeAt(RFC_SECRET, now);
    expect(await acceptedTimeStep(RFC_SECRET, code, { now, afterTimeStep: Math.floor(1_800_000_015 / 30) + 10 })).toBeNull();
  });

  it("refuses anything but six digits before computing a code", async () => {
    const now = at(59);
    for (const code of ["", "28708", "2870822", " 287082", "28708a", "287082\u0000"]) {
      expect(await acceptedTimeStep(RFC_SECRET, code, { now })).toBeNull();
    }
  });

  it("makes 160-bit Base32 secrets, each different", () => {
    const secrets = Array.from({ length: 50 }, newTotpSecret);
    expect(secrets.every((secret) => /^[A-Z2-7]{32}$/.test(secret))).toBe(true);
    expect(new Set(secrets).size).toBe(50);
  });

  it("names the portal and the account in the otpauth URI, with SHA-1, 6 digits and 30 s", () => {
    const uri = new URL(totpUri(RFC_SECRET, { issuer: "Account portal", account: "ada@example.com" }));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Account portal:ada@example.com");
    expect(uri.searchParams.get("secret")).toBe(RFC_SECRET);
    expect(uri.searchParams.get("issuer")).toBe("Account portal");
    for (const [name, value] of [["algorithm", "SHA1"], ["digits", "6"], ["period", "30"]]) {
      expect([null, value]).toContain(uri.searchParams.get(name!));
    }
  });

  it("seals the secret at rest, bound to its account", () => {
    const sealed = sealTotpSecret(RFC_SECRET, "user-1");
    expect(sealed).not.toContain(RFC_SECRET);
    expect(unsealTotpSecret(sealed, "user-1")).toBe(RFC_SECRET);
    expect(() => unsealTotpSecret(sealed, "user-2")).toThrow(UnsealableError);
    const [version, iv, tag, ciphertext] = sealed.split(".");
    const flipped = Buffer.from(ciphertext!, "base64url");
    flipped[0]! ^= 1;
    expect(() => unsealTotpSecret([version, iv, tag, flipped.toString("base64url")].join("."), "user-1")).toThrow(UnsealableError);
  });
});
