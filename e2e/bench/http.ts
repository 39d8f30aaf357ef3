/** One JSON request; the body is read whatever the status, so connections are reused. */
export async function json(url: string, init: RequestInit) {
  const response = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init.headers } });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, string> };
}

/** A bench account that changes its password back and forth between two: `current` is the one it has now. */
export interface PasswordChanger {
  token: string;
  current: number;
}

/** One PATCH /api/v1/user/password moving `user` to its other password; `current` follows a 200. */
export async function changePasswordOnce(baseUrl: string, user: PasswordChanger, passwords: readonly [string, string]) {
  const next = 1 - user.current;
  const started = performance.now();
  const response = await json(`${baseUrl}/api/v1/user/password`, {
    method: "PATCH",
    headers: { authorization: `Bearer ${user.token}` },
    body: JSON.stringify({ oldPassword: passwords[user.current], newPassword: passwords[next] }),
  });
  if (response.status === 200) user.current = next;
  return { ...response, ms: performance.now() - started };
}

/** What a client told 503 should do before trying again. */
export function waitRetryAfter(headers: Headers): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Number(headers.get("retry-after") ?? 1) * 1000));
}

/**
 * Setup requests (registrations, logins) as a well-behaved client sends them: a 503 from the
 * bcrypt queue bound is retried after its Retry-After. Anything but `expected` stops the bench.
 */
export async function jsonWhenServed(url: string, init: RequestInit, expected: number) {
  for (;;) {
    const { status, headers, body } = await json(url, init);
    if (status === expected) return body;
    if (status !== 503) throw new Error(`${init.method} ${url} answered ${status}: ${JSON.stringify(body)}`);
    await waitRetryAfter(headers);
  }
}

/**
 * Latencies of GET /api/health (or another cheap `path`), one request every 50 ms until the
 * deadline, after a second for the load to reach steady state.
 */
export async function healthLatenciesUntil(baseUrl: string, deadline: number, path = "/api/health"): Promise<number[]> {
  const latencies: number[] = [];
  await new Promise((resolve) => setTimeout(resolve, 1000));
  while (performance.now() < deadline) {
    const started = performance.now();
    await (await fetch(`${baseUrl}${path}`)).arrayBuffer();
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return latencies;
}
