import "server-only";
import { config } from "../../config";
import { inTransaction } from "../../db/client";
import { systemClock, type Clock } from "../../clock";
import { logger } from "../../log";
import type { ResetRequest } from "../../mail/outbox";
import { unseal, seal } from "../../security/sealed";
import { mailJobRepository, type ClaimedJob } from "../../repositories/mail-job-repository";
import { userRepository } from "../../repositories/user-repository";
import { issueReset } from "./issue-reset";
import { RESET_CODE_TTL_MS } from "@/lib/reset-rules";

class AddressLeft extends Error {}

/**
 * The sender's half of forgot-password (services/request-password-reset.ts wrote the request).
 * Runs after the answer, so whether the email has an account shows in no response time. For an
 * unknown email the request is deleted; for a known one, in one transaction, a new reset
 * replaces any earlier one and the request becomes the mail carrying its code and link, sealed
 * like every outbox body, due at once. A crash before the commit leaves the request to be
 * claimed again; after it, the mail is an ordinary job.
 */
export async function issuePasswordReset(job: ClaimedJob, clock: Clock = systemClock): Promise<void> {
  const { mailSealKey, isDevelopment, smtpUrl } = config();
  const request = unseal<ResetRequest>(job.body ?? "", mailSealKey, job.id);
  const user = await userRepository.findCredentialsByEmail(request.email);
  if (!user) return mailJobRepository.remove(job.id);

  const now = clock.now();
  const issued = await inTransaction(async (tx) => {
    const reset = await issueReset(user, now, request, tx);
    // An email change or undo that moved the account off this address after the lookup wins:
    // the code would go to an address the account left (perhaps an intruder's).
    // Thrown, so the new reset rolls back: the owner's, if any, stays.
    if (!(await userRepository.lockIfEmail(user.id, user.email, tx))) throw new AddressLeft();
    // A code that has expired is not worth sending: the person asks again.
    const expiresAt = new Date(Date.now() + RESET_CODE_TTL_MS);
    return (await mailJobRepository.becomeMail(job, { kind: "reset_code", body: seal(reset.mail, mailSealKey, job.id), expiresAt }, tx)) && reset;
  }).catch((error: unknown) => {
    if (error instanceof AddressLeft) return "left" as const;
    throw error;
  });
  // As for an unknown email: the address has no account now.
  if (issued === "left") return mailJobRepository.remove(job.id);
  if (!issued) {
    logger().warn({ job: job.id }, "a reset request was claimed again before it was issued; left to the newer claim");
    return;
  }
  // DEVELOPERS.md: without a mail server, development prints the code (never in production).
  if (isDevelopment && !smtpUrl) console.info(`[dev] password reset code for ${user.email}: ${issued.code} (${issued.link})`);
}
