import "server-only";
import type { ClientContext } from "../services/client-context";

const USER_AGENT_MAX = 512;

/**
 * The client's address as server.ts settled it: it replaces whatever forwarding headers arrived
 * with one X-Forwarded-For entry, from the socket or from as many proxies as TRUST_PROXY trusts.
 * (Under plain `next start` the header would be the client's to choose; README says not to.)
 */
export function clientContext(headers: Headers): ClientContext {
  const forwarded = headers.get("x-forwarded-for")?.split(",").map((part) => part.trim()).filter(Boolean);
  const ip = forwarded?.at(-1) ?? null;
  const userAgent = headers.get("user-agent")?.slice(0, USER_AGENT_MAX) ?? null;
  return { ip, userAgent };
}
