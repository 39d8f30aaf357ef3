import { describe, expect, it } from "vitest";
import { addressGroup } from "./address-group";

describe("addressGroup", () => {
  it("keeps IPv4 addresses whole, mapped or not", () => {
    expect(addressGroup("203.0.113.7", 64)).toBe("203.0.113.7");
    expect(addressGroup("::ffff:203.0.113.7", 64)).toBe("203.0.113.7");
  });

  it("puts every address of one IPv6 /64 in one group, and its neighbour in another", () => {
    const group = addressGroup("2001:db8:77:1::1", 64);
    expect(group).toBe("2001:db8:77:1:0:0:0:0/64");
    expect(addressGroup("2001:db8:77:1:ffff:ffff:ffff:ffff", 64)).toBe(group);
    expect(addressGroup("2001:0DB8:0077:0001::7", 64)).toBe(group);
    expect(addressGroup("2001:db8:77:2::1", 64)).not.toBe(group);
  });

  it("masks inside a group for prefixes that are not a multiple of 16", () => {
    expect(addressGroup("2001:db8:abcd:ff12::1", 56)).toBe("2001:db8:abcd:ff00:0:0:0:0/56");
    expect(addressGroup("2001:db8:abcd:ff12::1", 128)).toBe("2001:db8:abcd:ff12:0:0:0:1/128");
  });

  it("reads compressed, zoned and IPv4-tailed forms", () => {
    expect(addressGroup("::1", 64)).toBe("0:0:0:0:0:0:0:0/64");
    expect(addressGroup("fe80::1%eth0", 64)).toBe("fe80:0:0:0:0:0:0:0/64");
    expect(addressGroup("64:ff9b::203.0.113.7", 128)).toBe("64:ff9b:0:0:0:0:cb00:7107/128");
  });

  it("passes anything that is not an address through (the unknown-address key)", () => {
    expect(addressGroup("unknown", 64)).toBe("unknown");
  });
});
