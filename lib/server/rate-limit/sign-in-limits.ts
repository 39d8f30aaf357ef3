import "server-only";
import type { SessionKind } from "../db/generated/client";
import { normalizeEmail } from "@/lib/schemas/email";
import { AppError } from "../errors";
import { signIn, type SignInResult } from "../services/sign-in";
import { limitAddress, type ClientContext } from "../services/client-context";
import { assertBudgetLeft, countAgainst, enforceLimits } from "./limiter";

/**
 * Sign-in with the login policies, for POST /api/v1/user/login and next-auth alike: attempts
 * per address and email, and wrong passwords per account from anywhere. Both are checked before
 * the account is looked up or a password hashed.
 */
export async function signInWithinLimits(credentials: { email: string; password: string }, kind: SessionKind, client: ClientContext): Promise<SignInResult> {
  const clientIp = limitAddress(client);
  const email = normalizeEmail(credentials.email);
  await enforceLimits([{ policy: "login-per-ip-email", key: `${clientIp} ${email}` }], clientIp);
  const failures = { policy: "login-failures-per-account", key: email } as const;
  await assertBudgetLeft(failures, clientIp);
  try {
    return await signIn(credentials, kind, client);
  } catch (error) {
    if (error instanceof AppError && error.code === "INVALID_CREDENTIALS") await countAgainst(failures);
    throw error;
  }
}
