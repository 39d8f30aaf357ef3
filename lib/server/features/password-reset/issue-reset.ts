import "server-only";
import { randomUUID } from "node:crypto";
import { RESET_CODE_TTL_MS } from "@/lib/reset-rules";
import { config } from "../../config";
import type { DbClient } from "../../db/client";
import type { MailMessage } from "../../mail/mailer";
import { resetCodeMail } from "./mails";
import { passwordResetRepository } from "../../repositories/password-reset-repository";
import type { ClientContext } from "../../request-context";
import { generateResetCode, generateResetSecret, keyedHash } from "../../security/reset-secrets";

export interface IssuedReset {
  /** The mail carrying the code and the link; the caller puts it in the outbox. */
  mail: MailMessage;
  code: string;
  link: string;
}

/**
 * The one way a password reset is issued, for forgot-password (issue-password-reset.ts) and for
 * an undone email change (revert-email-change.ts): a new code and link replace any earlier reset
 * of the account, stored in `tx` as keyed hashes, with where the request came from.
 */
export async function issueReset(user: { id: string; email: string }, now: Date, origin: ClientContext, tx: DbClient): Promise<IssuedReset> {
  const id = randomUUID();
  const code = generateResetCode();
  const token = generateResetSecret();
  const reset = { id, userId: user.id, codeHash: keyedHash("code", code, id), tokenHash: keyedHash("token", token) };
  await passwordResetRepository.replaceForUser({ ...reset, expiresAt: new Date(now.getTime() + RESET_CODE_TTL_MS), ip: origin.ip, userAgent: origin.userAgent }, tx);
  const link = `${config().appUrl}/forgot-password?token=${encodeURIComponent(token)}`;
  return { mail: resetCodeMail(user.email, code, link), code, link };
}
