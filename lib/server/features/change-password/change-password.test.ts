import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { config } from "../../config";
import { database } from "../../db/client";
import { AppError } from "../../errors";
import { unseal } from "../../security/sealed";
import { changePassword } from "./change-password";
import { authenticateApiToken } from "../../services/sessions";
import { registerAccount, signIn } from "../sign-in";

const client = { ip: "198.51.100.4", userAgent: "vitest" };
const OLD = "lantern-orchid-velvet";
const NEW = "copper-kettle-drizzle";

async function signedIn() {
  const user = await registerAccount({ email: `chg-${randomUUID()}@example.com`, password: OLD, name: "Chg" }, client);
  const caller = await signIn({ email: user.email, password: OLD }, "api", client);
  const other = await signIn({ email: user.email, password: OLD }, "api", client);
  return { user, caller: { userId: user.id, sessionId: caller.session.id }, otherToken: other.token! };
}

describe("changePassword", () => {
  // A real failure inside the database (a trigger raising on this account's row), not a mock:
  // the change is one statement, so a failing part must leave every other part unwritten.
  it.each([
    ["recording the event", "SecurityEvent", `NEW."userId" = $1`],
    ["queueing the notice", "MailJob", `NEW."kind" = 'password_changed' AND NEW."recipient" = $2`],
  ])("is all or nothing: when %s fails, the hash, the sessions and the outbox are untouched", async (_what, table, condition) => {
    const { user, caller, otherToken } = await signedIn();
    const before = await database().user.findUniqueOrThrow({ where: { id: user.id } });
    const trigger = `fail_${randomUUID().replaceAll("-", "")}`;
    const when = condition.replace("$1", `'${user.id}'`).replace("$2", `'${user.email}'`);
    await database().$executeRawUnsafe(
      `CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`,
    );
    await database().$executeRawUnsafe(`CREATE TRIGGER ${trigger} BEFORE INSERT ON "${table}" FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION ${trigger}()`);
    try {
      // PGlite's adapter passes the trigger's message on as "undefined": any error will do here,
      // the next test shows the same change going through without the trigger.
      await expect(changePassword(caller, { oldPassword: OLD, newPassword: NEW, revokeOtherSessions: true }, client)).rejects.toThrow();
    } finally {
      await database().$executeRawUnsafe(`DROP TRIGGER ${trigger} ON "${table}"`);
      await database().$executeRawUnsafe(`DROP FUNCTION ${trigger}()`);
    }

    const after = await database().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ passwordHash: before.passwordHash, credentialVersion: before.credentialVersion, changeSequence: before.changeSequence, passwordChangedAt: null });
    expect(await authenticateApiToken(otherToken)).not.toBeNull();
    expect(await database().securityEvent.count({ where: { userId: user.id, type: "password_changed" } })).toBe(0);
    expect(await database().mailJob.count({ where: { recipient: user.email, kind: "password_changed" } })).toBe(0);
  });

  it("queues the notification in the change's statement, sealed, and sends nothing itself", async () => {
    const { user, caller } = await signedIn();

    await expect(changePassword(caller, { oldPassword: OLD, newPassword: NEW, revokeOtherSessions: true }, client)).resolves.toEqual({
      revokedSessions: 1,
      changedAt: expect.any(Date),
      // 1 at sign-up, 2 after the first change.
      changeSequence: 2,
    });

    const job = await database().mailJob.findFirstOrThrow({ where: { recipient: user.email, kind: "password_changed" } });
    expect(job).toMatchObject({ attempts: 0, sentAt: null, deadAt: null });
    expect(job.body).not.toContain("changed");
    expect(unseal(job.body!, config().mailSealKey, job.id)).toMatchObject({ to: user.email, subject: "Your password was changed" });
    expect((await signIn({ email: user.email, password: NEW }, "api", client)).user.id).toBe(user.id);
  });

  it("reports the policy problems that need the account (its email) as WEAK_PASSWORD", async () => {
    const { user, caller } = await signedIn();
    const error = await changePassword(caller, { oldPassword: OLD, newPassword: user.email.toUpperCase(), revokeOtherSessions: true }, client).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("WEAK_PASSWORD");
    expect((error as AppError).fieldErrors).toEqual({ newPassword: ["Do not use your email address as your password"] });
  });
});
