import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openBody, sealBody, UnreadableBodyError } from "./sealed-body";

const key = randomBytes(32);
const message = { subject: "Your password reset code", text: "Your password reset code is 123456." };

describe("sealed outbox bodies", () => {
  it("round-trips, and the stored text holds no part of the message", () => {
    const sealed = sealBody(message, key, "job-1");
    expect(sealed).not.toContain("123456");
    expect(sealed).not.toContain("reset");
    expect(openBody(sealed, key, "job-1")).toEqual(message);
  });

  it("refuses another secret, another job's row and an altered body", () => {
    const sealed = sealBody(message, key, "job-1");
    expect(() => openBody(sealed, randomBytes(32), "job-1")).toThrow(UnreadableBodyError);
    expect(() => openBody(sealed, key, "job-2")).toThrow(UnreadableBodyError);
    const [version, iv, tag, ciphertext] = sealed.split(".");
    const flipped = Buffer.from(ciphertext!, "base64url");
    flipped[0]! ^= 1;
    expect(() => openBody([version, iv, tag, flipped.toString("base64url")].join("."), key, "job-1")).toThrow(UnreadableBodyError);
  });
});
