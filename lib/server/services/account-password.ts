import "server-only";
import { config } from "../config";
import type { UserWithCredentials } from "../repositories/user-repository";
import { verifyPassword, type Verification } from "../security/password-hash";

const REFUSED: Verification = { valid: false, needsRehash: false };

/**
 * Every check of an account's own password (sign-in, change, email change, deletion) goes through
 * here. A password an email undo or cancel ended is never right, yet bcrypt still runs on it, so
 * the answer and its time are a wrong password's: the one who knew it learns nothing.
 */
export async function checkAccountPassword(
  user: Pick<UserWithCredentials, "passwordHash" | "passwordRevokedAt">,
  password: string,
): Promise<Verification> {
  const verification = await verifyPassword(password, user.passwordHash, config().bcryptCost);
  return user.passwordRevokedAt ? REFUSED : verification;
}
