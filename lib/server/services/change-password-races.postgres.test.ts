// A password change racing other writes to the same account, on PostgreSQL (TEST_DATABASE_URL;
// .ci/run sets it): PGlite runs one query at a time, so there the change's statement never waits
// for anyone. Each race is set up, not hoped for: a second connection holds the account row in an
// open transaction, the change is started and seen waiting for that lock, then the other write
// commits.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { config } from "../config";
import { database } from "../db/client";
import { hashPassword } from "../security/password-hash";
import { changePassword } from "./change-password";
import { registerAccount } from "./register-account";
import { signIn } from "./sign-in";

const url = inject("unitPostgresUrl");
// The database client is made at first use, so this takes effect before any query.
if (url) process.env.DATABASE_URL = url;

const client = { ip: "198.51.100.9", userAgent: "vitest" };
const OLD = "lantern-orchid-velvet";
const NEW = "copper-kettle-drizzle";

async function signedIn() {
  const user = await registerAccount({ email: `race-${randomUUID()}@example.com`, password: OLD, name: "Race" }, client);
  const { session } = await signIn({ email: user.email, password: OLD }, "api", client);
  return { user, caller: { userId: user.id, sessionId: session.id } };
}

describe.runIf(url)("a password change racing other writes, on PostgreSQL", () => {
  let other: pg.Client;
  beforeAll(async () => {
    other = new pg.Client({ connectionString: url });
    await other.connect();
  });
  afterAll(() => other?.end());

  /** Resolves once a backend is waiting for a lock inside the change's statement. */
  async function changeWaitingForLock() {
    for (let polls = 0; polls < 500; polls += 1) {
      // Inside a transaction PostgreSQL keeps the first statistics snapshot unless told to drop it.
      await other.query("SELECT pg_stat_clear_snapshot()");
      const { rows } = await other.query(
        `SELECT 1 FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND wait_event_type = 'Lock' AND query LIKE '%WITH swapped AS%'`,
      );
      if (rows.length) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error("the change never waited for the account row");
  }

  /** Runs `write` in an open transaction on the other connection, starts the change, commits once the change waits. */
  async function changeAfter(write: (user: { id: string }) => Promise<unknown>) {
    const { user, caller } = await signedIn();
    await other.query("BEGIN");
    try {
      await write(user);
      const change = changePassword(caller, { oldPassword: OLD, newPassword: NEW, revokeOtherSessions: true }, client);
      change.catch(() => {});
      await changeWaitingForLock();
      await other.query("COMMIT");
      return { user, outcome: await change.then((value) => ({ value }), (error: unknown) => ({ error })) };
    } catch (error) {
      await other.query("ROLLBACK");
      throw error;
    }
  }

  it("succeeds when a sign-in's rehash of the same password (a higher cost) commits first", async () => {
    const rehash = await hashPassword(OLD, config().bcryptCost + 1);
    const { user, outcome } = await changeAfter(({ id }) => other.query(`UPDATE "User" SET "passwordHash" = $1 WHERE "id" = $2`, [rehash, id]));

    expect(outcome).toMatchObject({ value: { revokedSessions: 0 } });
    expect((await signIn({ email: user.email, password: NEW }, "api", client)).user.id).toBe(user.id);
    await expect(signIn({ email: user.email, password: OLD }, "api", client)).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
  });

  it("fails with INCORRECT_OLD_PASSWORD and writes nothing when a reset commits first", async () => {
    const resetHash = await hashPassword("reset-chosen-password", config().bcryptCost);
    const { user, outcome } = await changeAfter(({ id }) =>
      other.query(`UPDATE "User" SET "passwordHash" = $1, "credentialVersion" = "credentialVersion" + 1 WHERE "id" = $2`, [resetHash, id]),
    );

    expect(outcome).toMatchObject({ error: { code: "INCORRECT_OLD_PASSWORD" } });
    expect(await database().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ passwordHash: resetHash, credentialVersion: 1 });
    expect(await database().securityEvent.count({ where: { userId: user.id, type: "password_changed" } })).toBe(0);
    expect(await database().mailJob.count({ where: { recipient: user.email, kind: "password_changed" } })).toBe(0);
  });

  it("fails with UNAUTHORIZED when the account's deletion commits first", async () => {
    const { user, outcome } = await changeAfter(({ id }) => other.query(`DELETE FROM "User" WHERE "id" = $1`, [id]));

    expect(outcome).toMatchObject({ error: { code: "UNAUTHORIZED" } });
    expect(await database().user.count({ where: { id: user.id } })).toBe(0);
    expect(await database().mailJob.count({ where: { recipient: user.email, kind: "password_changed" } })).toBe(0);
  });

  it("lets exactly one of eight concurrent changes with the same old password win", async () => {
    const { user, caller } = await signedIn();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, index) => changePassword(caller, { oldPassword: OLD, newPassword: `${NEW}-${index}`, revokeOtherSessions: true }, client)),
    );

    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const refusals = outcomes.flatMap((outcome) => (outcome.status === "rejected" ? [(outcome.reason as { code?: string }).code] : []));
    expect(refusals).toEqual(Array(7).fill("INCORRECT_OLD_PASSWORD"));
    expect(await database().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ credentialVersion: 1 });
    expect(await database().securityEvent.count({ where: { userId: user.id, type: "password_changed" } })).toBe(1);
    expect(await database().mailJob.count({ where: { recipient: user.email, kind: "password_changed" } })).toBe(1);
  });
});
