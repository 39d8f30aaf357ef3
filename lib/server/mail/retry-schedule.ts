import "server-only";

const HOUR_MS = 60 * 60 * 1000;

/**
 * Delay before the next send of a job that has failed `attempts` times: the base, doubled per
 * failure, never more than an hour (so a mail server back up is noticed within the hour), then
 * shortened by up to a quarter at random so that jobs that failed together (a mail server
 * outage) do not all retry in the same instant. Never longer than the un-jittered value: the
 * first retry comes within `baseMs`, which the configuration caps at 30 s.
 */
export function retryDelayMs(attempts: number, baseMs: number, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 30);
  const ceiling = Math.min(baseMs * 2 ** exponent, HOUR_MS);
  return Math.round(ceiling * (1 - 0.25 * random()));
}
