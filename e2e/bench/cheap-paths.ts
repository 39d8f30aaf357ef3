// Cheap answers under load (issue #12): the portal's 401, 400 and 429 against a bare Next.js route
// handler giving the same answer (e2e/bench/references/bare-next), driven by the same autocannon in
// the same run. Rounds alternate portal and reference so that whatever else the machine does lands
// on both; the figure is each side's median round.
import { requestsPerSecond } from "./references/autocannon";
import { BARE_NEXT_PATHS } from "./references/bare-next";
import { median } from "./stats";

export interface CheapPath {
  name: string;
  portal: { url: string; method?: "GET" | "POST"; body?: string };
  reference: { url: string; method?: "GET" | "POST"; body?: string };
  status: number;
}

export interface CheapPathFigures {
  name: string;
  portalRps: number;
  referenceRps: number;
  /** portal ÷ reference: the goal is ≥ 0.9. */
  ratio: number;
  /** Each round's portal ÷ reference, for the spread. */
  roundRatios: number[];
  portalP99: number;
}

/** The three cheap answers. `limited` is a portal whose api-per-ip budget is spent (every call 429s). */
export function cheapPaths(portal: string, limited: string, reference: string): CheapPath[] {
  return [
    { name: "401 GET /api/v1/user/check, no token", portal: { url: `${portal}/api/v1/user/check` }, reference: { url: `${reference}${BARE_NEXT_PATHS.unauthorized}` }, status: 401 },
    {
      name: "400 POST /api/v1/user/login, body {}",
      portal: { url: `${portal}/api/v1/user/login`, method: "POST", body: "{}" },
      reference: { url: `${reference}${BARE_NEXT_PATHS.invalidParameters}`, method: "POST", body: "{}" },
      status: 400,
    },
    { name: "429 GET /api/v1/user/check, over api-per-ip", portal: { url: `${limited}/api/v1/user/check` }, reference: { url: `${reference}${BARE_NEXT_PATHS.tooManyRequests}` }, status: 429 },
  ];
}

export async function measureCheapPaths(paths: CheapPath[], { rounds = 3, seconds = 5, connections = 50 } = {}): Promise<CheapPathFigures[]> {
  const figures: CheapPathFigures[] = [];
  for (const path of paths) {
    // Warm both (JIT, first-request compilation) before anything counts.
    await requestsPerSecond({ ...path.portal, status: path.status, seconds: 1, connections });
    await requestsPerSecond({ ...path.reference, status: path.status, seconds: 1, connections });
    const portal: number[] = [];
    const reference: number[] = [];
    const p99s: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const ours = await requestsPerSecond({ ...path.portal, status: path.status, seconds, connections });
      portal.push(ours.rps);
      p99s.push(ours.p99);
      reference.push((await requestsPerSecond({ ...path.reference, status: path.status, seconds, connections })).rps);
    }
    figures.push({
      name: path.name,
      portalRps: median(portal),
      referenceRps: median(reference),
      ratio: median(portal) / median(reference),
      roundRatios: portal.map((value, index) => value / reference[index]!),
      portalP99: median(p99s),
    });
  }
  return figures;
}
