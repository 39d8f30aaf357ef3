import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { config } from "../config";
import { database } from "../db/client";
import { AppError } from "../errors";
import { openBody } from "../mail/sealed-body";
import { securityEventRepository } from "../repositories/security-event-repository";
import { changePassword } from "./change-password";
import { registerAccount } from "./register-account";
import { authenticateApiToken } from "./sessions";
import { signIn } from "./sign-in";

const client = { ip: "198.51.100.4", userAgent: "vitest" };
const OLD = "lantern-orchid-velvet";
const NEW = "copper-kettle-drizzle";

afterEach(() => {
  vi.restoreAllMocks();
});

async function signedIn() {
  const user = await registerAccount({ email: `chg-${randomUUID()}@example.com`, password: OLD, name: "Chg" }, client);
  const caller = await signIn({ email: user.email, password: OLD }, "api", client);
  const other = await signIn({ email: user.email, password: OLD }, "api", client);
  return { user, caller: { userId: user.id, sessionId: caller.session.id }, otherToken: other.token! };
}

describe("changePassword", () => {
  it("is all or nothing: when recording the event fails, the hash and the sessions are untouched", async () => {
    const { user, caller, otherToken } = await signedIn();
    const before = await database().user.findUniqueOrThrow({ where: { id: user.id } });
    const record = securityEventRepository.record.bind(securityEventRepository);
    vi.spyOn(securityEventRepository, "record").mockImplementation(async (event, db) => {
      if (event.type === "password_changed") throw new Error("disk full");
      return record(event, db);
    });

    await expect(changePassword(caller, { oldPassword: OLD, newPassword: NEW, revokeOtherSessions: true }, client)).rejects.toThrow("disk full");

    const after = await database().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.passwordChangedAt).toBeNull();
    expect(await authenticateApiToken(otherToken)).not.toBeNull();
    expect(await database().mailJob.count({ where: { recipient: user.email, kind: "password_changed" } })).toBe(0);
  });

  it("queues the notification in the change's transaction, sealed, and sends nothing itself", async () => {
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
    expect(openBody(job.body!, config().mailSealKey, job.id)).toMatchObject({ to: user.email, subject: "Your password was changed" });
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
