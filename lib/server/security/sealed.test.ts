import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { unseal, seal, UnsealableError } from "./sealed";

const key = randomBytes(32);
const message = { subject: "Your password reset code", text: "Your password reset code is 123456." };

describe("sealed values (outbox bodies, authenticator secrets)", () => {
  it("round-trips, and the stored text holds no part of the message", () => {
    const sealed = seal(message, key, "job-1");
    expect(sealed).not.toContain("123456");
    expect(sealed).not.toContain("reset");
    expect(unseal(sealed, key, "job-1")).toEqual(message);
  });

  it("refuses another secret, another job's row and an altered body", () => {
    const sealed = seal(message, key, "job-1");
    expect(() => unseal(sealed, randomBytes(32), "job-1")).toThrow(UnsealableError);
    expect(() => unseal(sealed, key, "job-2")).toThrow(UnsealableError);
    const [version, iv, tag, ciphertext] = sealed.split(".");
    const flipped = Buffer.from(ciphertext!, "base64url");
    flipped[0]! ^= 1;
    expect(() => unseal([version, iv, tag, flipped.toString("base64url")].join("."), key, "job-1")).toThrow(UnsealableError);
  });
});
