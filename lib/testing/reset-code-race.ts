// The reset-code lock under concurrency, as a suite one test file runs per database:
// reset-code-race.test.ts on PGlite, reset-code-race.postgres.test.ts on PostgreSQL.
import { randomUUID } from "node:crypto";
import { afterEach, expect, it, vi } from "vitest";
import { passwordResetRepository } from "@/lib/server/repositories/password-reset-repository";
import * as resetSecrets from "@/lib/server/security/reset-secrets";
import { registerAccount } from "@/lib/server/features/sign-in/register-account";
import { confirmResetCode } from "@/lib/server/features/password-reset/confirm-reset-code";
import { completePasswordReset } from "@/lib/server/features/password-reset/complete-password-reset";
import { AppError } from "@/lib/server/errors";

const client = { ip: "198.51.100.9", userAgent: "vitest" };
const CODE = "424242";

/** An account with a reset in progress whose code is CODE. */
async function resetInProgress() {
  const user = await registerAccount({ email: `race-${randomUUID()}@example.com`, password: "lantern-orchid-velvet" }, client);
  const id = randomUUID();
  await passwordResetRepository.replaceForUser({
    id,
    userId: user.id,
    codeHash: resetSecrets.keyedHash("code", CODE, id),
    tokenHash: resetSecrets.keyedHash("token", randomUUID()),
    expiresAt: new Date(Date.now() + 10 * 60_000),
    ...client,
  });
  return user.email;
}

const wrongCodes = (count: number) => Array.from({ length: count }, (_, index) => String(100_000 + index));

/** How many codes were compared while `burst` ran: each comparison is one sameHash call. */
async function comparisonsDuring(burst: () => Promise<unknown>): Promise<number> {
  const compare = vi.spyOn(resetSecrets, "sameHash");
  await burst();
  const count = compare.mock.calls.length;
  compare.mockRestore();
  return count;
}

const settle = (promises: Array<Promise<unknown>>) => Promise.allSettled(promises);

export function resetCodeRaceSuite() {
  afterEach(() => vi.restoreAllMocks());

  it("compares five of 40 wrong codes sent at once at confirm, no more; the right code is then refused", async () => {
    const email = await resetInProgress();
    const compared = await comparisonsDuring(() => settle(wrongCodes(40).map((code) => confirmResetCode({ email, resetToken: code }))));
    // Exactly five: the five tries, each compared once; none past them.
    expect(compared).toBe(5);
    await expect(confirmResetCode({ email, resetToken: CODE })).rejects.toThrow(AppError);
  });

  it("compares five of 40 wrong codes sent at once at completion, no more of a confirmed reset", async () => {
    const email = await resetInProgress();
    await confirmResetCode({ email, resetToken: CODE });
    const attempt = (code: string) => completePasswordReset({ email, password: `river-${randomUUID()}`, resetToken: code }, undefined, client);
    const compared = await comparisonsDuring(() => settle(wrongCodes(40).map(attempt)));
    // Exactly five: the five tries, each compared once; none past them.
    expect(compared).toBe(5);
    await expect(attempt(CODE)).rejects.toMatchObject({ code: "INVALID_REQUEST" });
  });

  it("a right code among four wrong ones sent at once is not counted as a wrong try", async () => {
    const email = await resetInProgress();
    const results = await settle([...wrongCodes(4), CODE].map((code) => confirmResetCode({ email, resetToken: code })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    // Four wrong tries are counted; the fifth try, the right code again, still works.
    await expect(confirmResetCode({ email, resetToken: CODE })).resolves.toMatchObject({ email });
  });
}
