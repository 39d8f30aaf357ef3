import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

const ORIGIN = "http://localhost:9000";

describe("safeReturnPath", () => {
  it("keeps paths on this site with their query and fragment", () => {
    expect(safeReturnPath("/account", ORIGIN)).toBe("/account");
    expect(safeReturnPath("/account?tab=sessions", ORIGIN)).toBe("/account?tab=sessions");
    expect(safeReturnPath("/account?x=1#y", ORIGIN)).toBe("/account?x=1#y");
  });

  it("turns an absolute URL on this site into its path", () => {
    expect(safeReturnPath(`${ORIGIN}/account?tab=sessions#top`, ORIGIN)).toBe("/account?tab=sessions#top");
  });

  it.each([
    ["a tab browsers drop", "/\t/evil.example"],
    ["a newline browsers drop", "/\n/evil.example"],
    ["a carriage return and newline", "/\r\n/evil.example"],
    ["a protocol-relative URL", "//evil.example/x"],
    ["a backslash browsers read as a slash", "/\\evil.example"],
    ["two backslashes", "\\\\evil.example"],
    ["a leading space browsers strip", " //evil.example"],
    ["a leading control character browsers strip", "\u0001//evil.example"],
    ["a trailing space", "/account "],
    ["a DEL character", "/account\u007f"],
    ["a path that resolves to //host", "/account/..//evil.example"],
    ["another site", "https://evil.example"],
    ["this host on another port", "http://localhost:1/x"],
    ["this host over another scheme", "https://localhost:9000/account"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a data: URL", "data:text/html,hi"],
    ["an empty string", ""],
  ])("falls back for %s", (_label, candidate) => {
    expect(safeReturnPath(candidate, ORIGIN)).toBe("/account");
  });

  it("falls back when there is no single candidate, to the fallback it is given", () => {
    expect(safeReturnPath(null, ORIGIN)).toBe("/account");
    expect(safeReturnPath(undefined, ORIGIN, "/sign-in")).toBe("/sign-in");
    expect(safeReturnPath(["/account", "//evil.example"], ORIGIN)).toBe("/account");
  });

  it("never returns something a browser would read as another host", () => {
    for (const candidate of ["/\t/evil.example", "//evil.example", "/account/..//evil.example", "/./\\/evil.example"]) {
      const result = safeReturnPath(candidate, ORIGIN);
      expect(new URL(result, ORIGIN).origin).toBe(ORIGIN);
      expect(result).toMatch(/^\/(?![/\\])/);
    }
  });
});
