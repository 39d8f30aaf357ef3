import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAsNpmStart, type AppServer } from "../support/app-server";
import { apiClient, strongPassword, uniqueEmail } from "./client";

// docs/operations.md offers PGLITE_DATA_DIR=memory:// for a throwaway database. Such a database exists only
// inside the process that opened it, so `prestart` migrating one of its own proves nothing.
describe("npm start with PGLITE_DATA_DIR=memory://", () => {
  let server: AppServer;
  beforeAll(async () => {
    const logDir = mkdtempSync(path.join(tmpdir(), "account-portal-memory-"));
    server = await startAsNpmStart("in-memory", { kind: "pglite", dataDir: "memory://" }, logDir);
  }, 120_000);
  afterAll(() => server?.stop());

  it("serves a migrated database: an account can be registered and signed in to", async () => {
    const api = apiClient(server.url);
    const email = uniqueEmail("memory");
    const password = strongPassword();
    const registered = await api.register({ email, password });
    expect({ status: registered.status, body: registered.body }).toMatchObject({ status: 201, body: { message: "Account created" } });
    const login = await api.login({ email, password });
    expect(login.status).toBe(200);
  });

  it("is ready only with its schema in place", async () => {
    const ready = await apiClient(server.url).request("GET", "/api/health/ready");
    expect({ status: ready.status, body: ready.body }).toMatchObject({ status: 200, body: { message: "Ready", mail: { dead: 0 } } });
  });
});
