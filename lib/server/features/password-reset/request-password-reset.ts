import "server-only";
import type { ForgotPasswordInput } from "@/lib/schemas/password-reset";
import { config } from "../../config";
import { database } from "../../db/client";
import { AppError } from "../../errors";
import { queueResetRequest, wakeSender } from "../../mail/outbox";
import { userRepository } from "../../repositories/user-repository";
import type { ClientContext } from "../../request-context";

/**
 * `forgotPassword` in lib/endpoints (its route applies the rate limits, per address known or
 * not, so a 429 reveals nothing). Known and unknown addresses get the same answer after the same
 * work: one insert into the outbox, with no look-up of the email at all. Once the answer is out
 * the sender looks the email up and, for an account, stores the reset and its mail in one
 * transaction (services/issue-password-reset.ts); the request is durable from the answer on.
 */
export async function requestPasswordReset(input: ForgotPasswordInput, client: ClientContext): Promise<void> {
  // Legacy: the operator chose to tell unknown emails apart, so the look-up may come first.
  if (config().resetRevealsUnknownEmail && !(await userRepository.findCredentialsByEmail(input.email))) {
    throw new AppError("NO_ACCOUNT", undefined, { status: 404 });
  }
  await queueResetRequest({ email: input.email, ip: client.ip, userAgent: client.userAgent }, database());
  wakeSender();
}
