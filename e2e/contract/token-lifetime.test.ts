// API tokens have an absolute lifetime that rotation does not extend, and a userToken cookie is
// rotated only by a request from this site (issue 9, item 9).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgliteDatabase, type TestDatabase } from "@/lib/testing/databases";
import { startAppServer, type AppServer } from "../support/app-server";
import { apiClient, backends, bearer, cookiePair, signedUpUser } from "./client";

const HOUR_MS = 3_600_000;

describe("an API token's whole life is capped by API_TOKEN_MAX_DAYS", () => {
  const logDir = mkdtempSync(path.join(tmpdir(), "account-portal-token-life-"));
  const clockFile = path.join(logDir, "clock-offset-ms");
  let offsetMs = 0;
  const advance = (ms: number) => writeFileSync(clockFile, String((offsetMs += ms)));
  let database: TestDatabase;
  let server: AppServer;

  beforeAll(async () => {
    writeFileSync(clockFile, "0");
    database = await createPgliteDatabase("token-life");
    // A token lives 24 h per rotation, 2 days at most.
    server = await startAppServer("token-life", database.target, logDir, {
      NODE_ENV: "test",
      TEST_CLOCK_FILE: clockFile,
      API_TOKEN_HOURS: "24",
      API_TOKEN_MAX_DAYS: "2",
    });
  });
  afterAll(async () => {
    await server?.stop();
    database?.dispose();
  });

  it("rotating every 20 hours never carries a token past two days after its sign-in", async () => {
    const api = apiClient(server.url);
    let { token } = await signedUpUser(api);
    const signedInAt = Date.now() + offsetMs;
    const limit = signedInAt + 2 * 24 * HOUR_MS;
    for (let hours = 20; hours < 48; hours += 20) {
      advance(20 * HOUR_MS);
      const checked = await api.check({ headers: bearer(token) });
      expect(checked.status, `after ${hours} h`).toBe(200);
      expect(Date.parse(checked.body.expiresAt)).toBeLessThanOrEqual(limit + 5_000);
      token = checked.body.token;
    }
    // 60 hours after sign-in: past the cap, although the last rotation was only 20 hours ago.
    advance(20 * HOUR_MS);
    expect((await api.check({ headers: bearer(token) })).status).toBe(401);
  });
});

describe.each(backends)("check rotates a userToken cookie only for this site, on $name", ({ url }) => {
  const api = apiClient(url);

  it("a cross-site navigation carrying the cookie is answered without rotating it", async () => {
    const { cookie } = await signedUpUser(api);
    const userToken = cookiePair(cookie);
    const crossSite = await api.check({ headers: { cookie: userToken, "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate" } });
    expect(crossSite.status).toBe(200);
    expect(crossSite.body.token).toBeNull();
    expect(crossSite.headers.get("set-cookie")).toBeNull();
    // The cookie still works: nothing was replaced behind the person's back.
    const sameSite = await api.check({ headers: { cookie: userToken, "sec-fetch-site": "same-origin" } });
    expect(sameSite.status).toBe(200);
    expect(sameSite.body.token).toMatch(/^cxp_/);
    expect(sameSite.headers.get("set-cookie")).toContain(`userToken=${sameSite.body.token}`);
  });

  it("a Bearer caller is rotated whatever the request's site headers say", async () => {
    const { token } = await signedUpUser(api);
    const checked = await api.check({ headers: { ...bearer(token), "sec-fetch-site": "cross-site" } });
    expect(checked.body.token).toMatch(/^cxp_/);
    expect(checked.body.token).not.toBe(token);
  });
});
