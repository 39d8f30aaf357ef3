import "server-only";
import { config } from "../config";
import { AppError } from "../errors";
import { bannedForMs, enforceLimits } from "../rate-limit/limiter";
import type { Decision } from "../rate-limit/store";

/**
 * The first thing every API request meets, before authentication or any database work:
 * a denied or banned address gets 403, an address over the per-address budget 429.
 */
export async function guardTraffic(clientIp: string): Promise<Decision> {
  if (config().trafficDeny.has(clientIp)) throw new AppError("ACCESS_DENIED");
  if ((await bannedForMs(clientIp)) > 0) throw new AppError("ACCESS_DENIED");
  const [decision] = await enforceLimits([{ policy: "api-per-ip", key: clientIp }], clientIp);
  return decision!;
}
