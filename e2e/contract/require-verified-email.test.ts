import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPgliteDatabase, type TestDatabase } from "@/lib/testing/databases";
import { looseRateLimitsExcept, startAppServer, type AppServer } from "../support/app-server";
import { startMailServer, type MailServer } from "../support/mailbox";
import { apiClient, bearer, signedUpUser } from "./client";
import { mailedSecrets, recovery, VERIFY_SUBJECT } from "./email-helpers";

describe("REQUIRE_VERIFIED_EMAIL=true", () => {
  let database: TestDatabase;
  let mail: MailServer;
  let server: AppServer;
  let api: ReturnType<typeof apiClient>;
  const logDir = mkdtempSync(path.join(tmpdir(), "account-portal-require-verified-"));
  const mailDir = path.join(logDir, "mail");

  beforeAll(async () => {
    database = await createPgliteDatabase("require-verified");
    mail = await startMailServer(mailDir);
    server = await startAppServer("require-verified", database.target, logDir, {
      REQUIRE_VERIFIED_EMAIL: "true",
      SMTP_URL: mail.url,
      RATE_LIMITS: looseRateLimitsExcept(),
    });
    api = apiClient(server.url);
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await mail?.stop();
    database?.dispose();
  });

  it("limits an unverified account to verifying (and check, logout, leaving) until its address is verified", async () => {
    const after = Date.now() - 1000;
    const { email, token: first } = await signedUpUser(api);
    const refused = await api.sessions({ headers: bearer(first) });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ message: "Verify your email address first", code: "EMAIL_NOT_VERIFIED" });
    const checked = await api.check({ headers: bearer(first) });
    expect(checked.status).toBe(200);
    expect(checked.body.emailVerified).toBe(false);
    const token = checked.body.token as string;

    const { code } = await mailedSecrets(email, VERIFY_SUBJECT, after, mailDir);
    expect((await recovery(api).verify({ code }, { headers: bearer(token) })).status).toBe(200);
    expect((await api.sessions({ headers: bearer(token) })).status).toBe(200);
  });
});
