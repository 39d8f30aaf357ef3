import "server-only";
import { config } from "../../config";
import type { DbClient } from "../../db/client";
import { queueMail } from "../../mail/outbox";
import { verifyEmailMail } from "./mails";
import { issueChallenge } from "./email-challenges";

/**
 * A verification code and link for `email`, stored and mailed in the caller's transaction
 * (registration, or a resend). The link opens /verify-email, which needs no session.
 */
export async function issueEmailVerification(user: { id: string; email: string }, now: Date, tx: DbClient): Promise<void> {
  const { appUrl, isDevelopment, smtpUrl } = config();
  const { code, token } = await issueChallenge(user.id, "verify", user.email, now, tx);
  const link = `${appUrl}/verify-email?token=${encodeURIComponent(token)}`;
  await queueMail("email_verification", verifyEmailMail(user.email, code, link), tx);
  // DEVELOPERS.md: without a mail server, development prints the code (never in production).
  if (isDevelopment && !smtpUrl) console.info(`[dev] verification code for ${user.email}: ${code} (${link})`);
}
