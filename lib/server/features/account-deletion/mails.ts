// The mail a deleted account gets.
import "server-only";
import type { MailMessage } from "../../mail/mailer";
import { plainMail } from "../../mail/templates";

/** Goodbye: the account and its data are gone. */
export function accountDeletedMail(to: string): MailMessage {
  return plainMail(
    to,
    "Your account was deleted",
    ["Your account and its personal data were deleted. This address can be used to register again."],
    ["Your account and its personal data were deleted. This address can be used to register again."],
  );
}
