import { describe, expect, it } from "vitest";
import { tooManyRequestsMessage } from "./api-client";

describe("tooManyRequestsMessage", () => {
  it("says how long to wait, in the unit a person would use", () => {
    expect(tooManyRequestsMessage(1)).toBe("Too many attempts. Try again in 1 second.");
    expect(tooManyRequestsMessage(42)).toBe("Too many attempts. Try again in 42 seconds.");
    expect(tooManyRequestsMessage(60)).toBe("Too many attempts. Try again in 1 minute.");
    expect(tooManyRequestsMessage(61)).toBe("Too many attempts. Try again in 2 minutes.");
    expect(tooManyRequestsMessage(3600)).toBe("Too many attempts. Try again in 60 minutes.");
    expect(tooManyRequestsMessage(86_400)).toBe("Too many attempts. Try again in 24 hours.");
  });

  it("falls back to a general wait when the server gave none", () => {
    expect(tooManyRequestsMessage(null)).toBe("Too many attempts. Wait a few minutes, then try again.");
  });
});
