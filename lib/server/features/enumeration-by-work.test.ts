// Whether an email has an account must not show in how much database work a refusal takes: time
// is too noisy to test at 1–3 ms, so these tests compare the statements themselves.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useCountingDatabase } from "@/lib/testing/counting-database";
import { database } from "../db/client";
import { AppError } from "../errors";
import { passwordResetRepository } from "../repositories/password-reset-repository";
import { runDeferred, runInRequestContext } from "../request-context";
import { keyedHash } from "../security/reset-secrets";
import { completePasswordReset } from "./password-reset/complete-password-reset";
import { confirmResetCode } from "./password-reset/confirm-reset-code";
import { registerAccount } from "./sign-in/register-account";
import { requestPasswordReset } from "./password-reset/request-password-reset";
import { signIn } from "./sign-in/sign-in";

const statements = useCountingDatabase();
const client = { ip: "203.0.113.40", userAgent: "vitest" };
const PASSWORD = "lantern-orchid-velvet";
const CODE = "424242";
const WRONG_CODE = "135790";
const unknownEmail = () => `nobody-${randomUUID()}@example.com`;

async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

async function account(): Promise<{ id: string; email: string }> {
  return registerAccount({ email: `known-${randomUUID()}@example.com`, password: PASSWORD }, client);
}

/** A reset of `userId` whose code is CODE, confirmed already when `confirmed`. */
async function resetOf(userId: string, confirmed = false): Promise<string> {
  const id = randomUUID();
  await passwordResetRepository.replaceForUser({
    id,
    userId,
    codeHash: keyedHash("code", CODE, id),
    tokenHash: keyedHash("token", randomUUID()),
    expiresAt: new Date(Date.now() + 10 * 60_000),
    ip: null,
    userAgent: null,
  });
  if (confirmed) await database().passwordReset.update({ where: { id }, data: { confirmedAt: new Date() } });
  return id;
}

describe("a refusal costs a known email the database work of an unknown one", () => {
  it("confirm-otp-reset: a wrong code, for an account with a reset, one without, and no account", async () => {
    const withReset = await account();
    const resetId = await resetOf(withReset.id);
    const withoutReset = await account();
    const known = await statements.during(() => outcome(confirmResetCode({ email: withReset.email, resetToken: WRONG_CODE })));
    const noReset = await statements.during(() => outcome(confirmResetCode({ email: withoutReset.email, resetToken: WRONG_CODE })));
    const unknown = await statements.during(() => outcome(confirmResetCode({ email: unknownEmail(), resetToken: WRONG_CODE })));
    expect([known.result, noReset.result, unknown.result]).toEqual(["INVALID_OTP", "INVALID_OTP", "INVALID_OTP"]);
    expect(known.statements.length).toBeGreaterThan(0);
    expect(noReset.statements).toEqual(known.statements);
    expect(unknown.statements).toEqual(known.statements);
    // The wrong code still took one of the code's tries.
    expect((await database().passwordReset.findUniqueOrThrow({ where: { id: resetId } })).failedAttempts).toBe(1);
  });

  it("password-reset with a wrong code in the body, for a confirmed reset and for no account", async () => {
    const user = await account();
    await resetOf(user.id, true);
    const attempt = (email: string) => completePasswordReset({ email, resetToken: WRONG_CODE, password: "quartz-meadow-harbor-9" }, undefined, client);
    const known = await statements.during(() => outcome(attempt(user.email)));
    const unknown = await statements.during(() => outcome(attempt(unknownEmail())));
    expect([known.result, unknown.result]).toEqual(["INVALID_REQUEST", "INVALID_REQUEST"]);
    expect(unknown.statements).toEqual(known.statements);
  });

  it("the right code still confirms, after the same first statement", async () => {
    const user = await account();
    await resetOf(user.id);
    const wrong = await statements.during(() => outcome(confirmResetCode({ email: unknownEmail(), resetToken: CODE })));
    const right = await statements.during(() => confirmResetCode({ email: user.email, resetToken: CODE }));
    expect(right.result.email).toBe(user.email);
    expect(right.statements[0]).toBe(wrong.statements[0]);
  });

  it("sign-in with a wrong password: the failure's event is written only after the answer", async () => {
    const user = await account();
    const events = () => database().securityEvent.count({ where: { userId: user.id, type: "sign_in_failed" } });
    const attempt = (email: string) =>
      runInRequestContext(randomUUID(), async (context) => {
        const measured = await statements.during(() => outcome(signIn({ email, password: "not-the-password-1" }, "api", client)));
        return { measured, context };
      });
    const known = await attempt(user.email);
    const unknown = await attempt(unknownEmail());
    expect([known.measured.result, unknown.measured.result]).toEqual(["INVALID_CREDENTIALS", "INVALID_CREDENTIALS"]);
    expect(unknown.measured.statements).toEqual(known.measured.statements);
    expect(await events()).toBe(0);
    await runDeferred(known.context);
    expect(await events()).toBe(1);
  });

  it("forgot-password: one insert for either", async () => {
    const user = await account();
    const known = await statements.during(() => requestPasswordReset({ email: user.email }, client));
    const unknown = await statements.during(() => requestPasswordReset({ email: unknownEmail() }, client));
    expect(known.statements).toHaveLength(1);
    expect(unknown.statements).toEqual(known.statements);
  });
});
