import "server-only";
import type { ChangeEmailInput } from "@/lib/schemas/email-recovery";
import { config } from "../../config";
import { systemClock, type Clock } from "../../clock";
import { inTransaction } from "../../db/client";
import { AppError } from "../../errors";
import { queueMail, wakeSender } from "../../mail/outbox";
import { confirmNewEmailMail, emailAlreadyUsedMail, emailChangeRequestedMail } from "./mails";
import { securityEventRepository } from "../../repositories/security-event-repository";
import { userRepository } from "../../repositories/user-repository";
import { checkAccountPassword } from "../../services/account-password";
import type { Caller, ClientContext } from "../../request-context";
import { issueChallenge } from "./email-challenges";

/**
 * `changeEmail` in lib/endpoints. The password is checked again: a stolen session alone cannot move the
 * recovery channel. The answer is the same whether or not the new address has an account: a free
 * one gets the code and link, a taken one is told someone tried (and can never confirm, as it got
 * no code). The old address is told at once, with a link that cancels the change. All of it,
 * the challenge and the three-way mail, in one transaction.
 */
export async function requestEmailChange(caller: Caller, input: ChangeEmailInput, client: ClientContext, clock: Clock = systemClock): Promise<void> {
  const { appUrl } = config();
  const user = await userRepository.findCredentialsById(caller.userId);
  if (!user) throw new AppError("UNAUTHORIZED", undefined, { reason: "account-gone" });
  if (!(await checkAccountPassword(user, input.password, client, "email_change_failed"))) throw new AppError("INCORRECT_PASSWORD");
  if (input.newEmail === user.email) throw new AppError("INVALID_PARAMETERS", { newEmail: ["This is already your email address"] });

  const now = clock.now();
  await inTransaction(async (tx) => {
    const taken = await userRepository.emailInUse(input.newEmail, tx);
    const { code, token, cancelToken } = await issueChallenge(user.id, "change", input.newEmail, now, tx, { withCancelLink: true });
    const mailToNew = taken
      ? emailAlreadyUsedMail(input.newEmail, appUrl)
      : confirmNewEmailMail(input.newEmail, code, `${appUrl}/confirm-email?token=${encodeURIComponent(token)}`);
    await queueMail("email_change", mailToNew, tx);
    await queueMail("email_change", emailChangeRequestedMail(user.email, input.newEmail, `${appUrl}/revert-email?token=${encodeURIComponent(cancelToken!)}`), tx);
    await securityEventRepository.record({ userId: user.id, type: "email_change_requested", ...client }, tx);
  });
  wakeSender();
}
