// The contract's "in similar time" for forgot-password (known and unknown emails) and login
// (unknown email and wrong password): a client that can time answers must not learn which
// emails have accounts. Runs on both databases served as deployed (bcrypt at production's cost;
// the other suites' servers hash at cost 4), whose rate limits are loose.
import { describe, expect, inject, it } from "vitest";
import { apiClient, signedUpUser, strongPassword, uniqueEmail, type ApiResponse } from "./client";

const SAMPLES = 30;

/**
 * How far two medians may differ and still count as "similar": within 2× of each other, or
 * within 4 ms. One timed request proves nothing on a loaded 2-core machine (other suites run
 * beside this one; a garbage collection costs tens of ms), so each side is the median of 30,
 * taken alternately so a slow spell hits both. The ratio catches a path that does a bcrypt the
 * other skips (~50 ms against ~5 ms), or a mail sent before answering; the slack keeps paths of
 * a few milliseconds from failing on a 3 ms against 6 ms wobble. A single row written before
 * answering (1–3 ms) is below what time can show here: lib/server/services/enumeration-by-work.test.ts
 * compares those paths statement by statement instead.
 */
const RATIO = 2;
const SLACK_MS = 4;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function expectSimilar(label: string, a: number[], b: number[]) {
  const [first, second] = [median(a), median(b)];
  const ratio = Math.max(first, second) / Math.max(Math.min(first, second), 0.001);
  const summary = `${label}: medians ${first.toFixed(1)} ms and ${second.toFixed(1)} ms`;
  expect(ratio <= RATIO || Math.abs(first - second) <= SLACK_MS, summary).toBe(true);
}

async function timed(send: () => Promise<ApiResponse>): Promise<[number, ApiResponse]> {
  const started = performance.now();
  const response = await send();
  return [performance.now() - started, response];
}

/**
 * Times `first(i)` and `second(i)` SAMPLES times each, alternating which goes first, after one
 * untimed warm-up of each, back to back as a prober would send them: work a request leaves
 * behind (the sender issuing a known email's code, a failed sign-in's event) runs beside the next
 * timed request, whichever side it is.
 */
async function alternate(first: (i: number) => Promise<ApiResponse>, second: (i: number) => Promise<ApiResponse>, expectedStatus: number) {
  const times: [number[], number[]] = [[], []];
  const sides = [first, second] as const;
  for (let i = -1; i < SAMPLES; i += 1) {
    for (const side of i % 2 ? [0, 1] : [1, 0]) {
      const [ms, response] = await timed(() => sides[side]!(i));
      expect(response.status, response.text).toBe(expectedStatus);
      if (i >= 0) times[side]!.push(ms);
    }
  }
  return times;
}

describe.each(inject("timingBackends"))("answer times that reveal no account on $name", ({ url }) => {
  const api = apiClient(url);

  it(`forgot-password answers known and unknown emails in similar time (medians of ${SAMPLES})`, async () => {
    // One address per request: each address may ask once a minute.
    const known: string[] = [];
    for (let i = 0; i <= SAMPLES; i += 1) known.push((await signedUpUser(api)).email);
    const forgot = (email: string) => api.request("POST", "/api/v1/user/forgot-password", { email });
    const [knownTimes, unknownTimes] = await alternate(
      (i) => forgot(known[i + 1]!),
      () => forgot(uniqueEmail("nobody")),
      200,
    );
    expectSimilar("forgot-password known / unknown", knownTimes, unknownTimes);
  }, 120_000);

  it(`login answers an unknown email and a wrong password in similar time (medians of ${SAMPLES})`, async () => {
    const { email } = await signedUpUser(api);
    const [wrongPasswordTimes, unknownEmailTimes] = await alternate(
      () => api.login({ email, password: strongPassword() }),
      () => api.login({ email: uniqueEmail("nobody"), password: strongPassword() }),
      401,
    );
    expectSimilar("login wrong password / unknown email", wrongPasswordTimes, unknownEmailTimes);
  }, 120_000);
});
