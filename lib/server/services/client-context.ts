import "server-only";
import { addressGroup } from "@/lib/traffic/address-group";
import { config } from "../config";

/** Where a request came from, for session rows, security events and notifications. */
export interface ClientContext {
  ip: string | null;
  userAgent: string | null;
}

/**
 * The address rate limits, refusal counts and bans key on: an IPv4 address, or the IPv6 prefix
 * of RATE_LIMIT_IPV6_PREFIX bits. Clients of unknown address share one.
 */
export function limitAddress(client: ClientContext): string {
  return client.ip ? addressGroup(client.ip, config().ipv6PrefixBits) : "unknown";
}

/** Who is acting, and through which session (which a "sign out elsewhere" must spare). */
export interface Caller {
  userId: string;
  sessionId: string;
}
