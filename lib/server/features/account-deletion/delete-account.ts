import "server-only";
import type { DeleteAccountInput } from "@/lib/schemas/email-recovery";
import { inTransaction } from "../../db/client";
import { AppError } from "../../errors";
import { logger } from "../../log";
import { queueMail, wakeSender } from "../../mail/outbox";
import { accountDeletedMail } from "./mails";
import { mailJobRepository } from "../../repositories/mail-job-repository";
import { passwordResetRepository } from "../../repositories/password-reset-repository";
import { userRepository } from "../../repositories/user-repository";
import { checkAccountPassword } from "../../services/account-password";
import type { Caller, ClientContext } from "../../request-context";

/**
 * `deleteAccount` in lib/endpoints. The password is checked again, then in one transaction the account row
 * goes, only if that password is still its password (a change that commits first wins, and this
 * answers INCORRECT_PASSWORD); its sessions, API tokens and keys, resets, pending changes and
 * security events go with it (ON DELETE CASCADE). Security events are deleted, not kept as a
 * count: they are IP addresses and devices of a person who asked to leave, and no one is left to
 * show them to. Mail not yet sent to the address (a reset code) is dropped; the goodbye is queued.
 * The address is free at once. What remains is one log line with the account's id, no email.
 */
export async function deleteAccount(caller: Caller, input: DeleteAccountInput, client: ClientContext): Promise<void> {
  const user = await userRepository.findCredentialsById(caller.userId);
  if (!user) throw new AppError("UNAUTHORIZED", undefined, { reason: "account-gone" });
  if (!(await checkAccountPassword(user, input.password, client, "account_deletion_failed"))) throw new AppError("INCORRECT_PASSWORD");
  await inTransaction(async (tx) => {
    // Its resets before the row (whose delete would take them by cascade): the order an email
    // undo and a reset's completion take them in, so neither deadlocks with a deletion.
    await passwordResetRepository.discardOpen(user.id, tx);
    if (!(await userRepository.deleteIfCredentialsCurrent(user, tx))) throw new AppError("INCORRECT_PASSWORD");
    await mailJobRepository.discardUnsentTo(user.email, tx);
    await queueMail("account_deleted", accountDeletedMail(user.email), tx);
  });
  logger().info({ userId: user.id }, "account deleted");
  wakeSender();
}
