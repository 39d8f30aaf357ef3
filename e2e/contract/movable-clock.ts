import { existsSync, readFileSync, writeFileSync } from "node:fs";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Moves the clock of a server started with TEST_CLOCK_FILE; it only moves forward, from wherever
 * an earlier test file left it (one server's clock may serve several files).
 */
export function movableClock(clockFile: string) {
  let offsetMs = existsSync(clockFile) ? Number(readFileSync(clockFile, "utf8")) || 0 : 0;
  const write = () => writeFileSync(clockFile, String(offsetMs));
  return {
    advance(ms: number) {
      offsetMs += ms;
      write();
    },
    /**
     * Jumps to one second past the next UTC midnight, where every fixed window (a minute … a day)
     * starts afresh, so a test's requests never straddle a window's end by chance.
     */
    toFreshWindows() {
      const now = Date.now() + offsetMs;
      offsetMs += (Math.floor(now / DAY_MS) + 1) * DAY_MS + 1_000 - now;
      write();
    },
  };
}
