import { describe, expect, it } from "vitest";
import { Cooldown } from "./cooldown";

describe("Cooldown", () => {
  it("lets a key through once per window and says how long to wait", () => {
    const cooldown = new Cooldown(60_000);
    expect(cooldown.take("a", 1_000)).toBe(0);
    expect(cooldown.take("a", 31_000)).toBe(30_000);
    expect(cooldown.take("b", 31_000)).toBe(0);
    expect(cooldown.take("a", 61_000)).toBe(0);
  });
});
