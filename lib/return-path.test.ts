import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  it("keeps paths on this site", () => {
    expect(safeReturnPath("/account")).toBe("/account");
    expect(safeReturnPath("/account?tab=sessions")).toBe("/account?tab=sessions");
  });

  it.each(["https://evil.example", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "", null, undefined])(
    "falls back for %s",
    (candidate) => {
      expect(safeReturnPath(candidate)).toBe("/account");
    },
  );
});
