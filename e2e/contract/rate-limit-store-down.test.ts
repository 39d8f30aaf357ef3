import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { apiClient, strongPassword, uniqueEmail } from "./client";

describe("a server whose Redis is unreachable (RATE_LIMIT_ON_STORE_FAILURE=memory)", () => {
  const { url, logFile } = inject("redisDownServer");
  const api = apiClient(url);

  it("keeps enforcing the limits per process, and says so in its log", async () => {
    const address = { headers: { "x-forwarded-for": "10.200.0.1" } };
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await api.register({ email: uniqueEmail(), password: strongPassword() }, address)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    const log = readFileSync(logFile, "utf8");
    expect(log).toContain("rate-limit store unavailable: using per-process limits");
    expect(log.match(/rate-limit store unavailable/g)).toHaveLength(1);
  });
});
