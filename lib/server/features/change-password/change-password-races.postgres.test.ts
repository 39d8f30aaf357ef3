// A password change (and an account deletion) racing other writes to the same account, on
// PostgreSQL (TEST_DATABASE_URL; .ci/run sets it): PGlite runs one query at a time, so there the
// change's statement never waits for anyone. Each race is set up by lib/testing/row-lock-race.ts.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { rowLockRace } from "@/lib/testing/row-lock-race";
import { useUnitPostgres } from "@/lib/testing/unit-postgres";
import { config } from "../../config";
import { database } from "../../db/client";
import { hashPassword } from "../../security/password-hash";
import { changePassword } from "./change-password";
import { deleteAccount } from "../account-deletion";
import { registerAccount, signIn } from "../sign-in";

const url = useUnitPostgres();

const client = { ip: "198.51.100.9", userAgent: "vitest" };
const OLD = "lantern-orchid-velvet";
const NEW = "copper-kettle-drizzle";

async function signedIn() {
  const user = await registerAccount({ email: `race-${randomUUID()}@example.com`, password: OLD, name: "Race" }, client);
  const { session } = await signIn({ email: user.email, password: OLD }, "api", client);
  return { user, caller: { userId: user.id, sessionId: session.id } };
}

describe.runIf(url)("a password change racing other writes, on PostgreSQL", () => {
  const lock = rowLockRace(url);
  const other = { query: (text: string, values?: unknown[]) => lock.other().query(text, values) };

  /**
   * Signs an account in, runs `write` in an open transaction on the other connection, starts
   * `race` (the change or the deletion), and commits once it waits for the row `write` holds.
   */
  async function after(
    write: (user: { id: string }) => Promise<unknown>,
    race: (caller: { userId: string; sessionId: string }) => Promise<unknown>,
    statement: string,
  ) {
    const { user, caller } = await signedIn();
    return { user, outcome: await lock.race(() => write(user), () => race(caller), statement) };
  }

  const changeAfter = (write: (user: { id: string }) => Promise<unknown>) =>
    after(write, (caller) => changePassword(caller, { oldPassword: OLD, newPassword: NEW, revokeOtherSessions: true }, client), "%WITH swapped AS%");

  const rehashOf = (password: string) => async ({ id }: { id: string }) =>
    other.query(`UPDATE "User" SET "passwordHash" = $1 WHERE "id" = $2`, [await hashPassword(password, config().bcryptCost + 1), id]);

  it("succeeds when a sign-in's rehash of the same password (a higher cost) commits first", async () => {
    const { user, outcome } = await changeAfter(rehashOf(OLD));

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

  it("deletes the account when a sign-in's rehash of the same password commits first", async () => {
    const { user, outcome } = await after(rehashOf(OLD), (caller) => deleteAccount(caller, { password: OLD }, client), '%DELETE FROM%"User"%');

    expect(outcome).toEqual({ value: undefined });
    expect(await database().user.count({ where: { id: user.id } })).toBe(0);
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
