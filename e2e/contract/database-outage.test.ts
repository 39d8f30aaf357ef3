// A database outage under traffic, on a PostgreSQL this test runs itself: every request is
// answered 503 SERVICE_UNAVAILABLE with Retry-After (never a 500, never a hang), and the same
// portal process serves again once the database is back, without a restart.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresDatabase } from "@/lib/testing/databases";
import { startAppServer, type AppServer } from "../support/app-server";
import { startMailServer, type MailServer } from "../support/mailbox";
import { startOwnPostgres, type OwnPostgres } from "../support/own-postgres";
import { apiClient, bearer, signedUpUser, strongPassword, uniqueEmail, type ApiResponse } from "./client";
import { eventually, mailCount, quickMailEnv, scratchDir, sleep } from "./durability-helpers";

/** The pool's connection time limit is 5 s (lib/server/db/driver.ts); an answer never takes much longer. */
const ANSWER_WITHIN_MS = 7_000;

describe("a database outage", () => {
  const scratch = scratchDir("db-outage");
  const mailDir = `${scratch.dir}/mail`;
  let postgres: OwnPostgres;
  let mailServer: MailServer;
  let portal: AppServer;

  beforeAll(async () => {
    postgres = await startOwnPostgres();
    await createPostgresDatabase(postgres.url);
    mailServer = await startMailServer(mailDir);
    portal = await startAppServer("db-outage", { kind: "postgres", url: postgres.url }, scratch.dir, { ...quickMailEnv, SMTP_URL: mailServer.url });
  }, 120_000);

  afterAll(async () => {
    await portal?.stop();
    await mailServer?.stop();
    postgres?.dispose();
    scratch.remove();
  });

  it("is answered 503 with Retry-After while it lasts, and the same process recovers after it", async () => {
    const api = apiClient(portal.url);
    const account = await signedUpUser(api);
    const traffic = () => [
      api.login({ email: account.email, password: account.password }),
      api.register({ email: uniqueEmail("outage"), password: strongPassword() }),
      api.request("GET", "/api/v1/user/sessions", undefined, { headers: bearer(account.token) }),
      api.request("POST", "/api/v1/user/forgot-password", { email: uniqueEmail("outage") }),
      api.request("GET", "/api/health/ready"),
    ];
    const timedAll = async () => {
      const started = Date.now();
      const responses = await Promise.all(traffic());
      return { ms: Date.now() - started, responses };
    };
    expect((await timedAll()).responses.map((response) => response.status)).toEqual([200, 201, 200, 200, 200]);

    postgres.stop();
    // Readiness keeps an answer for a second (lib/server/services/check-readiness.ts): the one
    // given just before the outage must have expired.
    await sleep(1_100);
    const during: ApiResponse[] = [];
    for (let round = 0; round < 3; round += 1) {
      const { ms, responses } = await timedAll();
      expect(ms).toBeLessThan(ANSWER_WITHIN_MS);
      during.push(...responses);
    }
    for (const response of during) {
      expect({ status: response.status, code: response.body.code }, response.text).toEqual({ status: 503, code: "SERVICE_UNAVAILABLE" });
      expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
    }
    expect((await api.request("GET", "/api/health")).status).toBe(200);

    postgres.start();
    const recovered = await eventually(timedAll, ({ responses }) => responses.every((response) => response.status < 300), 30_000);
    expect(recovered.responses.map((response) => response.status)).toEqual([200, 201, 200, 200, 200]);
    expect(portal.child.exitCode).toBeNull();
    // The sender came back too: a change made after the outage has its notice.
    const changed = await api.changePassword({ oldPassword: account.password, newPassword: strongPassword() }, { headers: bearer(account.token) });
    expect(changed.status, changed.text).toBe(200);
    expect(await eventually(() => mailCount(mailDir, account.email, "Your password was changed"), (n) => n >= 1)).toBe(1);
  }, 120_000);
});
