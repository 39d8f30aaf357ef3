import "server-only";
import { config } from "../config";
import { AppError } from "../errors";
import { bannedForMs, enforceLimits } from "../rate-limit/limiter";
import { limitAddress, type ClientContext } from "../request-context";

/** TRAFFIC_DENY matches the client's whole address (not its rate-limit group). */
const denied = (client: ClientContext) => config().trafficDeny.has(client.ip ?? "");

/**
 * The first thing every API request meets, before authentication or any database work:
 * a denied address (checked whole) or a banned one (by its limit address, so an IPv6 ban
 * covers the prefix) gets 403, an address over the per-address budget 429. Without
 * `rateLimits` (health checks) only the deny list applies, and no store is asked.
 */
export async function guardTraffic(client: ClientContext, { rateLimits = true } = {}): Promise<void> {
  if (denied(client)) throw new AppError("ACCESS_DENIED");
  if (!rateLimits) return;
  const clientIp = limitAddress(client);
  if ((await bannedForMs(clientIp)) > 0) throw new AppError("ACCESS_DENIED");
  await enforceLimits([{ policy: "api-per-ip", key: clientIp }], clientIp);
}

/**
 * For pages (proxy.ts): a denied or banned address is refused there too. Pages count against no
 * budget; when the store cannot say whether the address is banned, the page is served (the API
 * calls it makes meet the full guard).
 */
export async function refusePage(client: ClientContext): Promise<boolean> {
  if (denied(client)) return true;
  return (await bannedForMs(limitAddress(client)).catch(() => 0)) > 0;
}
