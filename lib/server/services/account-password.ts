import "server-only";
import { config } from "../config";
import { assertBudgetLeft, countAgainst } from "../rate-limit/limiter";
import { type ClientContext, currentDeviceToken, limitAddress } from "../request-context";
import { securityEventRepository, type SecurityEventType } from "../repositories/security-event-repository";
import type { UserWithCredentials } from "../repositories/user-repository";
import { verifyPassword, type Verification } from "../security/password-hash";
import { wrongPasswordBudget } from "./wrong-password-budget";

const REFUSED: Verification = { valid: false, needsRehash: false };

type AccountCredentials = Pick<UserWithCredentials, "id" | "email" | "passwordHash" | "passwordRevokedAt">;

/**
 * Whether `password` is the account's password. One ended by an email undo or cancel is never
 * right, yet bcrypt still runs on it, so the answer and its time are a wrong password's: the one
 * who knew it learns nothing. Sign-in calls this inside its own limits (sign-in-within-limits.ts).
 */
export async function passwordMatches(user: Pick<AccountCredentials, "passwordHash" | "passwordRevokedAt">, password: string): Promise<Verification> {
  const verification = await verifyPassword(password, user.passwordHash, config().bcryptCost);
  return user.passwordRevokedAt ? REFUSED : verification;
}

/**
 * A signed-in caller's password check (change, email change, deletion, and every step-up): refused
 * with 429 once the account's wrong-password budget, the one sign-in spends, is gone; a wrong
 * password spends it and is recorded as `failedEvent`.
 */
export async function checkAccountPassword(
  user: AccountCredentials,
  password: string,
  client: ClientContext,
  failedEvent: SecurityEventType,
): Promise<boolean> {
  const budget = wrongPasswordBudget(user.email, currentDeviceToken());
  await assertBudgetLeft(budget, limitAddress(client));
  const { valid } = await passwordMatches(user, password);
  if (!valid) {
    await countAgainst(budget);
    await securityEventRepository.record({ userId: user.id, type: failedEvent, ...client });
  }
  return valid;
}
