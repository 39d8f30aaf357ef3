// No "server-only" marker: the custom server (server.ts) imports this outside Next.js.
import type { IncomingHttpHeaders } from "node:http";
import { BlockList, isIP } from "node:net";

/** Headers through which a client could claim an address; only the custom server may set one. */
export const FORWARDING_HEADERS = ["x-forwarded-for", "x-real-ip", "forwarded"] as const;

/** `::ffff:203.0.113.7` and `203.0.113.7` are one client. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim();
  return trimmed.toLowerCase().startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice(7) : trimmed;
}

/**
 * The address of the client as far as we can trust it. With no trusted proxy that is the
 * socket's peer. Each trusted proxy appends the address it received the request from to
 * X-Forwarded-For, so with N of them the client is the Nth entry from the right; entries further
 * left were written by the client and are ignored.
 */
export function trustedClientAddress(socketAddress: string | undefined, headers: IncomingHttpHeaders, trustedProxies: number): string {
  const peer = normalizeAddress(socketAddress ?? "unknown");
  if (trustedProxies === 0) return peer;
  const header = headers["x-forwarded-for"];
  const forwarded = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [peer, ...forwarded.reverse()];
  return normalizeAddress(chain[Math.min(trustedProxies, chain.length - 1)]!);
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

/** 127.0.0.0/8, ::1 and ::ffff:127.x: a client on this very machine. */
export function isLoopbackAddress(address: string): boolean {
  const normalized = normalizeAddress(address);
  const family = isIP(normalized);
  return family !== 0 && LOOPBACK.check(normalized, family === 4 ? "ipv4" : "ipv6");
}
