import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { EMAIL_CODE_TTL_MS, EMAIL_UNDO_TTL_MS } from "@/lib/email-rules";
import { config } from "../../config";
import { database, inTransaction } from "../../db/client";
import { AppError } from "../../errors";
import type { MailMessage } from "../../mail/mailer";
import { unseal } from "../../security/sealed";
import { confirmEmailChange } from "./confirm-email-change";
import { issueChallenge } from "./email-challenges";
import { registerAccount } from "../sign-in";
import { revertEmailChange } from "./revert-email-change";
import { verifyEmail } from "./verify-email";

const client = { ip: "203.0.113.9", userAgent: "vitest" };
const later = (ms: number) => ({ now: () => new Date(Date.now() + ms) });
const newEmail = () => `recovery-${randomUUID()}@example.com`;

async function account() {
  const user = await registerAccount({ email: newEmail(), password: "lantern-orchid-velvet" }, client);
  return { user, caller: { userId: user.id, sessionId: randomUUID() } };
}

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

/** The newest mail of `kind` to `to`, opened as the sender would. */
async function mailTo(to: string, kind: string): Promise<MailMessage> {
  const job = await database().mailJob.findFirstOrThrow({ where: { recipient: to, kind }, orderBy: { createdAt: "desc" } });
  return unseal<MailMessage>(job.body!, config().mailSealKey, job.id);
}

describe("verification and change codes", () => {
  it("a verification code and link stop working after 24 hours", async () => {
    const { user, caller } = await account();
    const { code, token } = await inTransaction((tx) => issueChallenge(user.id, "verify", user.email, new Date(), tx));
    expect(await outcome(verifyEmail({ code }, caller, client, later(EMAIL_CODE_TTL_MS + 1000)))).toBe("INVALID_OTP");
    expect(await outcome(verifyEmail({ token }, undefined, client, later(EMAIL_CODE_TTL_MS + 1000)))).toBe("INVALID_OTP");
    expect(await outcome(verifyEmail({ code }, caller, client, later(EMAIL_CODE_TTL_MS - 60_000)))).toBe("ok");
  });

  it("registration's mail carries the code that verifies the account", async () => {
    const { user, caller } = await account();
    const mail = await mailTo(user.email, "email_verification");
    const code = /code is (\d{6})/.exec(mail.text)![1]!;
    expect(await verifyEmail({ code }, caller, client)).toEqual({ email: user.email });
    expect((await database().user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).not.toBeNull();
  });

  it("a completed change's undo link works for 7 days, then not", async () => {
    const first = await account();
    const second = await account();
    for (const [{ user, caller }, offset, expected] of [
      [first, EMAIL_UNDO_TTL_MS + 60_000, "INVALID_OTP"],
      [second, EMAIL_UNDO_TTL_MS - 60_000, "ok"],
    ] as const) {
      const target = newEmail();
      const { code } = await inTransaction((tx) => issueChallenge(user.id, "change", target, new Date(), tx, { withCancelLink: true }));
      expect(await confirmEmailChange({ code }, caller, client)).toEqual({ email: target });
      const undo = /token=([A-Za-z0-9_-]+)/.exec((await mailTo(user.email, "email_changed")).text)![1]!;
      expect(await outcome(revertEmailChange({ token: undo }, client, later(offset)))).toBe(expected);
    }
    expect((await database().user.findUniqueOrThrow({ where: { id: second.user.id } })).email).toBe(second.user.email);
  });
});
