import { describe, expect, it } from "vitest";
import { isLoopbackAddress, normalizeAddress, trustedClientAddress } from "./client-address";

describe("trustedClientAddress", () => {
  it("uses the socket and ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(trustedClientAddress("198.51.100.4", { "x-forwarded-for": "203.0.113.9" }, 0)).toBe("198.51.100.4");
  });

  it("takes the entry the trusted proxy appended, not the ones the client wrote", () => {
    const headers = { "x-forwarded-for": "6.6.6.6, 203.0.113.9" };
    expect(trustedClientAddress("10.0.0.2", headers, 1)).toBe("203.0.113.9");
    expect(trustedClientAddress("10.0.0.2", headers, 2)).toBe("6.6.6.6");
  });

  it("falls back to the furthest address known when fewer entries than trusted proxies arrive", () => {
    expect(trustedClientAddress("10.0.0.2", {}, 1)).toBe("10.0.0.2");
    expect(trustedClientAddress("10.0.0.2", { "x-forwarded-for": "203.0.113.9" }, 3)).toBe("203.0.113.9");
  });

  it("joins repeated X-Forwarded-For headers in order", () => {
    expect(trustedClientAddress("10.0.0.2", { "x-forwarded-for": ["6.6.6.6", "203.0.113.9"] as unknown as string }, 1)).toBe("203.0.113.9");
  });

  it("reads IPv4-mapped IPv6 addresses as IPv4", () => {
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress("::1")).toBe("::1");
    expect(trustedClientAddress("::ffff:10.0.0.2", {}, 0)).toBe("10.0.0.2");
  });
});

describe("isLoopbackAddress", () => {
  it.each(["127.0.0.1", "127.8.9.10", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"])("counts %s as this machine", (address) => {
    expect(isLoopbackAddress(address)).toBe(true);
  });

  it.each(["203.0.113.5", "128.0.0.1", "10.0.0.1", "::", "::2", "::ffff:203.0.113.5", "fe80::1", "unknown", ""])("does not count %s", (address) => {
    expect(isLoopbackAddress(address)).toBe(false);
  });
});
