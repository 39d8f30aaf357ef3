import "server-only";
import type { SessionKind } from "../../db/generated/client";
import { AppError } from "../../errors";
import { assertBudgetLeft, countAgainst, enforceLimits, type PolicyCheck } from "../../rate-limit/limiter";
import { type ClientContext, currentDeviceToken, limitAddress } from "../../request-context";
import { issueDeviceToken } from "../../security/device-cookie";
import { assertHashCapacity } from "../../security/password-hash";
import { signIn, type SignInResult } from "./sign-in";
import { wrongPasswordBudget } from "../../services/wrong-password-budget";

export interface SignInWithinLimitsResult extends SignInResult {
  /** A new device token for this account, to be set as the device cookie. */
  deviceToken: string;
}

/**
 * Sign-in with the login policies, for `login` in lib/endpoints and next-auth alike, all checked
 * before the account is looked up or a password hashed: attempts per address and email; then
 * wrong passwords, counted per device for a client whose device cookie this account issued
 * (a device that keeps failing is refused on its own), and per account for everyone else; and
 * wrong passwords per address, whatever the email (password spraying).
 */
export async function signInWithinLimits(
  credentials: { email: string; password: string },
  kind: SessionKind,
  client: ClientContext,
): Promise<SignInWithinLimitsResult> {
  const clientIp = limitAddress(client);
  const { email } = credentials;
  assertHashCapacity();
  await enforceLimits([{ policy: "login-per-ip-email", key: `${clientIp} ${email}` }], clientIp);
  const failures = wrongPasswordBudget(email, currentDeviceToken());
  const spraying: PolicyCheck = { policy: "login-failures-per-ip", key: clientIp };
  await assertBudgetLeft(spraying, clientIp);
  await assertBudgetLeft(failures, clientIp);
  try {
    const result = await signIn(credentials, kind, client);
    return { ...result, deviceToken: issueDeviceToken(email) };
  } catch (error) {
    if (error instanceof AppError && error.code === "INVALID_CREDENTIALS") {
      await countAgainst(spraying);
      await countAgainst(failures);
    }
    throw error;
  }
}
