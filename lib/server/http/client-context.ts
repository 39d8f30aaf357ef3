import "server-only";
import type { ClientContext } from "../services/client-context";

const USER_AGENT_MAX = 512;

/**
 * Next.js fills X-Forwarded-For with the socket address only when the client sent none, so the
 * value is informational (session lists, security events) until the traffic guard decides
 * which proxies to trust. The last entry is the one nearest to us.
 */
export function clientContext(headers: Headers): ClientContext {
  const forwarded = headers.get("x-forwarded-for")?.split(",").map((part) => part.trim()).filter(Boolean);
  const ip = forwarded?.at(-1) ?? null;
  const userAgent = headers.get("user-agent")?.slice(0, USER_AGENT_MAX) ?? null;
  return { ip, userAgent };
}
