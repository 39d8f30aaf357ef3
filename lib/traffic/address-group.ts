// No "server-only" marker: plain address arithmetic, unit-tested on its own.
import { isIP } from "node:net";
import { normalizeAddress } from "./client-address";

/** The eight 16-bit groups of a valid IPv6 address (zone dropped, an IPv4 tail folded in). */
function ipv6Groups(address: string): number[] {
  let text = address.split("%")[0]!;
  const ipv4Tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (ipv4Tail) {
    const [a, b, c, d] = ipv4Tail.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, ipv4Tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split("::");
  const groups = (part: string | undefined) => (part ? part.split(":").map((group) => parseInt(group, 16)) : []);
  const left = groups(head);
  const right = groups(tail);
  const zeros = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<number>(zeros).fill(0), ...right];
}

/**
 * The key that rate limits, refusal counts and bans count a client under: an IPv4 address as it
 * is, an IPv6 address by its first `ipv6PrefixBits` bits (RATE_LIMIT_IPV6_PREFIX). One /64 is
 * the smallest block a network hands out, and it holds 2^64 addresses: keyed on the full
 * address, a single client could take a fresh budget for every request.
 */
export function addressGroup(address: string, ipv6PrefixBits: number): string {
  const normalized = normalizeAddress(address);
  if (isIP(normalized) !== 6) return normalized;
  const masked = ipv6Groups(normalized).map((group, index) => {
    const keep = Math.min(16, Math.max(0, ipv6PrefixBits - index * 16));
    return keep === 0 ? 0 : group & (0xffff << (16 - keep)) & 0xffff;
  });
  return `${masked.map((group) => group.toString(16)).join(":")}/${ipv6PrefixBits}`;
}
