import "server-only";
import type { RegisterInput } from "@/lib/schemas/auth";
import { config } from "../../config";
import { inTransaction } from "../../db/client";
import { AppError } from "../../errors";
import { accountCreatedMail } from "./mails";
import { queueMail, wakeSender } from "../../mail/outbox";
import { EmailTakenError, userRepository, type PublicUser } from "../../repositories/user-repository";
import { securityEventRepository } from "../../repositories/security-event-repository";
import { hashPassword } from "../../security/password-hash";
import type { ClientContext } from "../../request-context";
import { issueEmailVerification } from "../email";

/**
 * Creates an account, its first security event, its welcome mail and its verification code and
 * mail in one transaction. The
 * input has passed registerSchema, password policy included.
 */
export async function registerAccount(input: RegisterInput, client: ClientContext): Promise<PublicUser> {
  const { bcryptCost, appUrl } = config();
  const passwordHash = await hashPassword(input.password, bcryptCost);
  try {
    const user = await inTransaction(async (tx) => {
      const created = await userRepository.create({ email: input.email, name: input.name, passwordHash }, tx);
      await securityEventRepository.record({ userId: created.id, type: "account_created", ...client }, tx);
      await queueMail("account_created", accountCreatedMail(created.email, appUrl), tx);
      await issueEmailVerification(created, new Date(), tx);
      return created;
    });
    wakeSender();
    return user;
  } catch (error) {
    if (error instanceof EmailTakenError) throw new AppError("EMAIL_TAKEN");
    throw error;
  }
}
