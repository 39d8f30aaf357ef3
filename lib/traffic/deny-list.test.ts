import { describe, expect, it } from "vitest";
import { parseDenyList } from "./deny-list";

describe("parseDenyList", () => {
  const list = parseDenyList("203.0.113.0/24, 198.51.100.7 2001:db8::/32");

  it("matches single addresses and ranges of both families", () => {
    expect(list.has("203.0.113.200")).toBe(true);
    expect(list.has("198.51.100.7")).toBe(true);
    expect(list.has("2001:db8:1::5")).toBe(true);
  });

  it("does not match neighbours of the listed ranges", () => {
    expect(list.has("203.0.114.1")).toBe(false);
    expect(list.has("198.51.100.8")).toBe(false);
    expect(list.has("2001:db9::1")).toBe(false);
    expect(list.has("unknown")).toBe(false);
  });

  it("matches IPv4-mapped IPv6 forms of listed IPv4 addresses", () => {
    expect(list.has("::ffff:203.0.113.9")).toBe(true);
  });

  it("names the entry it cannot read", () => {
    expect(() => parseDenyList("10.0.0.0/33")).toThrow('"10.0.0.0/33"');
    expect(() => parseDenyList("example.com")).toThrow('"example.com"');
    expect(() => parseDenyList("10.0.0.1/8/1")).toThrow('"10.0.0.1/8/1"');
  });

  it("is empty for an empty setting", () => {
    expect(parseDenyList("").has("127.0.0.1")).toBe(false);
  });
});
