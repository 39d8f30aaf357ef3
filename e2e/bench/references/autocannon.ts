// Cheap paths under load (issue #12): autocannon against the portal and against the bare Next
// reference alike, so both are driven by the same client on the same machine in the same run.
import autocannon from "autocannon";

export interface CannonFigures {
  /** autocannon's mean of its per-second request counts. */
  rps: number;
  /** Responses by status code ("401": 123456). */
  statusCounts: Record<string, number>;
  /** Milliseconds. */
  p99: number;
  requests: number;
}

/**
 * `connections` keep-alive connections sending one request after another for `seconds`. Every
 * response must have `status` and no request may error or time out: a server answering something
 * else (a 403 ban in place of a 429, a 404 from a mistyped route) stops the bench instead of
 * producing a figure.
 */
export async function requestsPerSecond({
  url,
  method = "GET",
  body,
  headers = {},
  connections = 50,
  seconds,
  status,
}: {
  url: string;
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  body?: string;
  headers?: Record<string, string>;
  connections?: number;
  seconds: number;
  status: number;
}): Promise<CannonFigures> {
  const result = await autocannon({
    url,
    method,
    body,
    headers: body === undefined ? headers : { "content-type": "application/json", ...headers },
    connections,
    duration: seconds,
  });
  const statusCounts: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) statusCounts[code] = stats.count ?? 0;
  const unexpected = Object.keys(statusCounts).filter((code) => code !== String(status));
  if (unexpected.length || result.errors || result.timeouts || !statusCounts[String(status)]) {
    throw new Error(
      `${method} ${url}: expected only ${status}, got ${JSON.stringify(statusCounts)}, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  return { rps: result.requests.average, statusCounts, p99: result.latency.p99, requests: result.requests.total };
}
