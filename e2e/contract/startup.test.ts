import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PRODUCTION_HASHING, startAppServer, startAsNpmStart } from "../support/app-server";

describe("server start-up", () => {
  const logDir = mkdtempSync(path.join(tmpdir(), "account-portal-startup-"));
  const target = { kind: "pglite" as const, dataDir: path.join(logDir, "never-opened") };

  it("stops with a message naming the variable when production has no secret", async () => {
    await expect(startAppServer("no-secret", target, logDir, { ...PRODUCTION_HASHING, NEXTAUTH_SECRET: "" })).rejects.toThrow(
      /exited with 1[\s\S]*NEXTAUTH_SECRET: is required in production/,
    );
  });

  it("stops when a setting has a bad value, saying what is allowed", async () => {
    await expect(startAppServer("bad-cost", target, logDir, { BCRYPT_COST: "cheap" })).rejects.toThrow(
      /exited with 1[\s\S]*BCRYPT_COST: must be a whole number from 4 to 20/,
    );
  });

  // `npm start` runs the migration step first: it is the one that meets a bad setting, and its
  // message must be the configuration's own, before any database is opened.
  it("npm start stops on a bad setting before migrating, with the allowed range and no [migrate] prefix", async () => {
    const dataDir = path.join(logDir, "npm-start-never-opened");
    const failure = await startAsNpmStart("npm-start-bad-setting", { kind: "pglite", dataDir }, logDir, { TRUST_PROXY: "two" }).then(
      async (server) => {
        await server.stop();
        return new Error("the server started");
      },
      (error: Error) => error,
    );
    expect(failure.message).toMatch(/exited with 1[\s\S]*Invalid configuration:\s+TRUST_PROXY: must be a whole number from 0 to 10/);
    expect(failure.message).not.toContain("[migrate]");
    expect(existsSync(dataDir)).toBe(false);
  });

  it("refuses TEST_CLOCK_FILE in production, naming it (whoever could write the file would move every expiry)", async () => {
    await expect(startAppServer("clock-in-production", target, logDir, { ...PRODUCTION_HASHING, TEST_CLOCK_FILE: path.join(logDir, "clock") })).rejects.toThrow(
      /exited with 1[\s\S]*TEST_CLOCK_FILE: is for tests only and refused in production/,
    );
  });

  it("refuses an http APP_URL in production unless ALLOW_INSECURE_HTTP is set", async () => {
    await expect(startAppServer("http-in-production", target, logDir, { ...PRODUCTION_HASHING, ALLOW_INSECURE_HTTP: "" })).rejects.toThrow(
      /exited with 1[\s\S]*APP_URL: must be an https:\/\/ URL in production/,
    );
  });

  it("stops when BCRYPT_MAX_QUEUE is out of range, saying the allowed range", async () => {
    await expect(startAppServer("bad-bcrypt-queue", target, logDir, { BCRYPT_MAX_QUEUE: "-1" })).rejects.toThrow(
      /exited with 1[\s\S]*BCRYPT_MAX_QUEUE: must be a whole number from 0 to 10000/,
    );
  });

  it("stops when the deny list has an entry it cannot read", async () => {
    await expect(startAppServer("bad-deny-list", target, logDir, { TRAFFIC_DENY: "10.0.0.0/8, 300.1.1.1" })).rejects.toThrow(
      /exited with 1[\s\S]*TRAFFIC_DENY: "300.1.1.1" is not an IP address/,
    );
  });
});
