import "server-only";
import type { ChangePasswordInput } from "@/lib/schemas/password-change";
import { accountPasswordProblems, normalizePassword } from "@/lib/schemas/password";
import { config } from "../../config";
import { AppError } from "../../errors";
import { systemClock, type Clock } from "../../clock";
import { sealedMailJob, wakeSender } from "../../mail/outbox";
import { passwordChangedMail } from "./mails";
import { userRepository } from "../../repositories/user-repository";
import { writePasswordChange } from "../../repositories/password-change-repository";
import { hashPassword } from "../../security/password-hash";
import { checkAccountPassword } from "../../services/account-password";
import type { Caller, ClientContext } from "../../request-context";

export interface PasswordChange {
  revokedSessions: number;
  changedAt: Date;
  /** The account's change counter after this change (Zitadel's `sequence`). */
  changeSequence: number;
}

export interface ChangeOptions {
  /** The third-party application (API key) the change came through, named in the security event. */
  application?: { id: string; name: string };
  clock?: Clock;
}

/**
 * Every password-change surface (v1 and seeds 002–004). Verifies the old password, applies the
 * policy with the account's email and name, then in one statement swaps the hash (only while the
 * credential version is the one the old password was verified at), revokes the other sessions,
 * records the event and queues the notification mail, which the outbox's sender delivers after
 * the commit.
 */
export async function changePassword(
  caller: Caller,
  input: ChangePasswordInput,
  client: ClientContext,
  { application, clock = systemClock }: ChangeOptions = {},
): Promise<PasswordChange> {
  const { bcryptCost, appUrl } = config();
  const user = await userRepository.findCredentialsById(caller.userId);
  // The session was valid a moment ago: the account was closed in between.
  if (!user) throw new AppError("UNAUTHORIZED", undefined, { reason: "account-gone" });

  if (!(await checkAccountPassword(user, input.oldPassword, client, "password_change_failed"))) throw new AppError("INCORRECT_OLD_PASSWORD");
  if (normalizePassword(input.newPassword) === normalizePassword(input.oldPassword)) throw new AppError("SAME_PASSWORD");
  // The standing rules were checked at the schema edge; these need the account.
  const problems = accountPasswordProblems(input.newPassword, { email: user.email, name: user.name });
  if (problems.length) throw new AppError("WEAK_PASSWORD", { newPassword: problems });

  const newHash = await hashPassword(input.newPassword, bcryptCost);
  const now = clock.now();
  // The key's id beside its name: the name is whatever its creator chose ("Your IT team").
  const detail: Record<string, string> = application ? { application: application.name, apiKeyId: application.id } : {};
  const change = await writePasswordChange({
    user,
    newHash,
    changedAt: now,
    revokeOtherSessions: input.revokeOtherSessions,
    keepSessionId: caller.sessionId,
    event: { ip: client.ip, userAgent: client.userAgent, detail },
    mail: sealedMailJob("password_changed", passwordChangedMail(user.email, { when: now, ...client }, appUrl)),
  });
  // Another change or a reset got here first, so the old password verified is no longer the
  // account's; or the account was deleted meanwhile.
  if (!change) {
    if (await userRepository.findCredentialsById(user.id)) throw new AppError("INCORRECT_OLD_PASSWORD");
    throw new AppError("UNAUTHORIZED", undefined, { reason: "account-gone" });
  }

  wakeSender();
  return { ...change, changedAt: now };
}
