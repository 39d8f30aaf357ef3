import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startAppServer } from "../support/app-server";

describe("server start-up", () => {
  const logDir = mkdtempSync(path.join(tmpdir(), "account-portal-startup-"));
  const target = { kind: "pglite" as const, dataDir: path.join(logDir, "never-opened") };

  it("stops with a message naming the variable when production has no secret", async () => {
    await expect(startAppServer("no-secret", target, logDir, { NEXTAUTH_SECRET: "" })).rejects.toThrow(
      /exited with 1[\s\S]*NEXTAUTH_SECRET: is required in production/,
    );
  });

  it("stops when a setting has a bad value", async () => {
    await expect(startAppServer("bad-cost", target, logDir, { BCRYPT_COST: "cheap" })).rejects.toThrow(
      /exited with 1[\s\S]*BCRYPT_COST:/,
    );
  });

  it("stops when the deny list has an entry it cannot read", async () => {
    await expect(startAppServer("bad-deny-list", target, logDir, { TRAFFIC_DENY: "10.0.0.0/8, 300.1.1.1" })).rejects.toThrow(
      /exited with 1[\s\S]*TRAFFIC_DENY: "300.1.1.1" is not an IP address/,
    );
  });
});
