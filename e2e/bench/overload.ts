// The overload phase of npm run bench: ten times more logins and password changes in flight than
// the server lets wait for bcrypt (BCRYPT_MAX_QUEUE plus one running hash per core). Past the
// bound the server answers 503 at once; this measures how many it served, how many it refused,
// how fast each answer came, and whether /api/health stayed fast meanwhile. Workers wait out a
// 503's Retry-After, as the contract asks of clients: without that pause, a hundred clients
// retrying at once keep the event loop busy with refusals alone (the embedded PGlite runs each
// request's lookups there), which measures the flood rather than the bound.
import { changePasswordOnce, healthLatenciesUntil, json, waitRetryAfter, type PasswordChanger } from "./http";
import { median, percentile, round } from "./stats";

export interface OverloadResult {
  workers: number;
  seconds: number;
  served: number[];
  refused: number[];
  /** Neither served (200; 401 for an unknown email) nor refused with 503: a defect if any. */
  other: Map<number, number>;
  health: number[];
}

export interface OverloadSetup {
  baseUrl: string;
  workers: number;
  seconds: number;
  /** One account per password-change worker: its token and which of `passwords` is current. */
  changers: PasswordChanger[];
  passwords: readonly [string, string];
  /** An account whose password never changes, for the known-email logins. */
  loginAccount: { email: string; password: string };
}

export async function overload({ baseUrl, workers, seconds, changers, passwords, loginAccount }: OverloadSetup): Promise<OverloadResult> {
  const result: OverloadResult = { workers, seconds, served: [], refused: [], other: new Map(), health: [] };
  /** Files the answer, and after a refusal waits as asked. */
  const record = async ({ status, headers }: { status: number; headers: Headers }, ms: number) => {
    if (status === 503) {
      result.refused.push(ms);
      await waitRetryAfter(headers);
    } else if (status === 200 || status === 401) result.served.push(ms);
    else result.other.set(status, (result.other.get(status) ?? 0) + 1);
  };
  const deadline = performance.now() + seconds * 1000;

  const changeWorker = async (user: PasswordChanger) => {
    while (performance.now() < deadline) {
      const response = await changePasswordOnce(baseUrl, user, passwords);
      await record(response, response.ms);
    }
  };
  // Alternately the known account and an unknown email: both cost one bcrypt.
  const loginWorker = async (index: number) => {
    for (let attempt = 0; performance.now() < deadline; attempt++) {
      const body = attempt % 2 ? { email: `nobody-${index}-${attempt}@example.com`, password: loginAccount.password } : loginAccount;
      const started = performance.now();
      const response = await json(`${baseUrl}/api/v1/user/login`, { method: "POST", body: JSON.stringify(body) });
      await record(response, performance.now() - started);
    }
  };

  const [, health] = await Promise.all([
    Promise.all([
      ...changers.map(changeWorker),
      ...Array.from({ length: Math.max(0, workers - changers.length) }, (_, index) => loginWorker(index)),
    ]),
    healthLatenciesUntil(baseUrl, deadline),
  ]);
  result.health = health;
  return result;
}

/** The bench's report lines for this phase, aligned with the others in run.ts. */
export function describeOverload({ workers, seconds, served, refused, other, health }: OverloadResult): string[] {
  const share = (100 * refused.length) / (served.length + refused.length);
  const unexpected = [...other].map(([status, count]) => `${status}×${count}`).join(", ") || "none";
  const p50p99 = (values: number[]) => `${round(median(values))} / ${round(percentile(values, 99))}`;
  return [
    `overload: ${workers} login/PATCH workers for ${seconds} s   : ${served.length} served (${round(served.length / seconds, 2)}/s), ${refused.length} refused with 503 (${round(share)} %), other statuses: ${unexpected}`,
    `  served p50 / p99 (ms)                            : ${p50p99(served)}`,
    `  refused p50 / p99 (ms)                           : ${p50p99(refused)}`,
    `GET /api/health under overload p50 / p99 (ms)      : ${p50p99(health)} (target p99 < 50; ${health.length} samples)`,
  ];
}
