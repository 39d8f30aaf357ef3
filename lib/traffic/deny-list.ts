// No "server-only" marker: proxy.ts (pages) and the API both check the same list.
import { BlockList, isIP } from "node:net";
import { normalizeAddress } from "./client-address";

export interface DenyList {
  has(address: string): boolean;
}

/**
 * TRAFFIC_DENY: addresses and CIDR ranges, IPv4 or IPv6, separated by commas or spaces.
 * Throws a message naming the bad entry.
 */
export function parseDenyList(text: string): DenyList {
  const list = new BlockList();
  for (const entry of text.split(/[\s,]+/).filter(Boolean)) {
    const [address = "", prefix, extra] = entry.split("/");
    const family = isIP(address);
    if (!family || extra !== undefined) throw new Error(`"${entry}" is not an IP address or CIDR range`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) {
      list.addAddress(address, type);
      continue;
    }
    const bits = Number(prefix);
    if (!/^\d+$/.test(prefix) || bits > (family === 4 ? 32 : 128)) throw new Error(`"${entry}" has an invalid prefix length`);
    list.addSubnet(address, bits, type);
  }
  return {
    has(address) {
      const normalized = normalizeAddress(address);
      const family = isIP(normalized);
      return family !== 0 && list.check(normalized, family === 4 ? "ipv4" : "ipv6");
    },
  };
}
