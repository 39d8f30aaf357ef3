import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./retry-schedule";

const HOUR = 3_600_000;

describe("retryDelayMs", () => {
  it("retries first within the base (30 s by default), then doubles", () => {
    expect(retryDelayMs(1, 30_000, () => 0)).toBe(30_000);
    expect(retryDelayMs(2, 30_000, () => 0)).toBe(60_000);
    expect(retryDelayMs(3, 30_000, () => 0)).toBe(120_000);
  });

  it("never waits more than an hour, however many attempts failed", () => {
    for (const attempts of [8, 9, 12, 50, 1000]) expect(retryDelayMs(attempts, 30_000, () => 0)).toBe(HOUR);
  });

  it("spreads jobs that failed together over the last quarter below the ceiling", () => {
    expect(retryDelayMs(1, 30_000, () => 1)).toBe(22_500);
    const delays = Array.from({ length: 200 }, () => retryDelayMs(4, 30_000));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(180_000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(240_000);
    expect(new Set(delays).size).toBeGreaterThan(100);
  });

  it("spans about five hours over the default twelve attempts", () => {
    const total = Array.from({ length: 11 }, (_, index) => retryDelayMs(index + 1, 30_000, () => 0)).reduce((a, b) => a + b, 0);
    expect(total / HOUR).toBeGreaterThan(4.5);
    expect(total / HOUR).toBeLessThan(5.5);
  });
});
