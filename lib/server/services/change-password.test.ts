import { randomUUID } from "node:crypto";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { database } from "../db/client";
import { AppError } from "../errors";
import * as mail from "../mail/mailer";
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

/**
 * Every mail this file sends goes to a real SMTP server on loopback that reads each message and
 * answers 550, as a relay that will not take our mail does. The mailer reads SMTP_URL once,
 * through config(), on first use, so the variable is set before any test runs.
 */
const refused: { to: string[] }[] = [];
const refusingServer = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, session, callback) {
    stream.resume();
    stream.on("end", () => {
      refused.push({ to: session.envelope.rcptTo.map((recipient) => recipient.address) });
      callback(Object.assign(new Error("relay denied"), { responseCode: 550 }));
    });
  },
});

beforeAll(async () => {
  await new Promise<void>((resolve, reject) => {
    refusingServer.server.once("error", reject);
    refusingServer.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = refusingServer.server.address() as { port: number };
  vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${port}`);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise<void>((resolve) => refusingServer.close(() => resolve()));
});

async function refusalFor(email: string): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    if (refused.some((message) => message.to.includes(email))) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the mail server never refused a message to ${email}`);
}

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
    vi.spyOn(mail, "sendInBackground").mockImplementation(() => {});

    await expect(changePassword(caller, { oldPassword: OLD, newPassword: NEW, revokeOtherSessions: true }, client)).rejects.toThrow("disk full");

    const after = await database().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.passwordChangedAt).toBeNull();
    expect(await authenticateApiToken(otherToken)).not.toBeNull();
    expect(mail.sendInBackground).not.toHaveBeenCalled();
  });

  it("succeeds even when the mail server refuses the notification", async () => {
    const { user, caller } = await signedIn();
    expect(mail.mailer().kind).toBe("smtp");

    await expect(changePassword(caller, { oldPassword: OLD, newPassword: NEW, revokeOtherSessions: true }, client)).resolves.toEqual({
      revokedSessions: 1,
      changedAt: expect.any(Date),
      // 1 at sign-up, 2 after the first change.
      changeSequence: 2,
    });
    await refusalFor(user.email);

    // The refusal came after the change and undid nothing.
    expect((await signIn({ email: user.email, password: NEW }, "api", client)).user.id).toBe(user.id);
    await expect(signIn({ email: user.email, password: OLD }, "api", client)).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
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
