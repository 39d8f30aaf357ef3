import "server-only";
import { readFileSync } from "node:fs";
import { config } from "./config";

/** Services take the time from here so tests can move it without sleeping. */
export interface Clock {
  now(): Date;
}

/**
 * TEST_CLOCK_FILE (tests only): a file holding milliseconds to add to the real time, so HTTP
 * tests can let a reset code expire without waiting ten minutes.
 */
function testOffsetMs(): number {
  const file = config().testClockFile;
  if (!file) return 0;
  try {
    return Number(readFileSync(file, "utf8")) || 0;
  } catch {
    return 0;
  }
}

export const systemClock: Clock = { now: () => new Date(Date.now() + testOffsetMs()) };
