// The mails of verifying and changing the address, and of undoing a change.
import "server-only";
import type { MailMessage } from "../../mail/mailer";
import { codeHtml, escapeHtml, plainMail } from "../../mail/templates";

const CANCEL_CONSEQUENCES =
  "Cancelling signs out every session and ends the current password: whoever asked knew it. A password reset code is sent to this address; set a new password to sign in again.";

const UNDO_CONSEQUENCES =
  "Undoing signs out every session and ends the current password: whoever asked for the change knew it. A password reset code is sent to this address; set a new password to sign in again.";

/** After registration (and on request): the code for /account and a link that needs no session. */
export function verifyEmailMail(to: string, code: string, link: string): MailMessage {
  return plainMail(
    to,
    "Verify your email address",
    [`Your verification code is ${code}. It expires in 24 hours.`, "", `Or open this link: ${link}`, "", "If you did not create an account, ignore this message."],
    [`Your verification code is ${codeHtml(code)}. It expires in 24 hours.`, `Or <a href="${escapeHtml(link)}">verify with one click</a>.`, "If you did not create an account, ignore this message."],
  );
}

/** To the new address: the code and link that complete a change. */
export function confirmNewEmailMail(to: string, code: string, link: string): MailMessage {
  return plainMail(
    to,
    "Confirm your new email address",
    [`Your confirmation code is ${code}. It expires in 24 hours.`, "", `Or open this link: ${link}`, "", "If you did not ask for this, ignore this message: nothing changes."],
    [`Your confirmation code is ${codeHtml(code)}. It expires in 24 hours.`, `Or <a href="${escapeHtml(link)}">confirm with one click</a>.`, "If you did not ask for this, ignore this message: nothing changes."],
  );
}

/** To a new address that already has an account: no code, so the request reveals nothing to the caller. */
export function emailAlreadyUsedMail(to: string, appUrl: string): MailMessage {
  const recover = `${appUrl}/forgot-password`;
  return plainMail(
    to,
    "Someone tried to use your email address",
    ["Someone asked to move another account to this email address, which already has an account. Nothing changed.", "", `If you have forgotten your password: ${recover}`],
    ["Someone asked to move another account to this email address, which already has an account. Nothing changed.", `If you have forgotten your password: <a href="${escapeHtml(recover)}">reset it</a>.`],
  );
}

/** To the old address when a change is asked for, with the link that cancels it. */
export function emailChangeRequestedMail(to: string, newEmail: string, cancelLink: string): MailMessage {
  return plainMail(
    to,
    "A change of your email address was requested",
    [`Someone signed in to your account asked to change its email address to ${newEmail}.`, "", `If this wasn't you, cancel it: ${cancelLink}`, "", CANCEL_CONSEQUENCES],
    [`Someone signed in to your account asked to change its email address to ${escapeHtml(newEmail)}.`, `If this wasn't you, <a href="${escapeHtml(cancelLink)}">cancel it</a>.`, CANCEL_CONSEQUENCES],
  );
}

/**
 * To the old address once the change is done, with the undo link (7 days); without one when the
 * account went back to an address it had before (the change was that address's undo).
 */
export function emailChangedMail(to: string, newEmail: string, undoLink?: string): MailMessage {
  const subject = "Your email address was changed";
  const now = `The email address of your account is now ${newEmail}.`;
  if (!undoLink) return plainMail(to, subject, [now], [escapeHtml(now)]);
  return plainMail(
    to,
    subject,
    [now, "", `If this wasn't you, undo it within 7 days: ${undoLink}`, "", UNDO_CONSEQUENCES],
    [escapeHtml(now), `If this wasn't you, <a href="${escapeHtml(undoLink)}">undo it within 7 days</a>.`, UNDO_CONSEQUENCES],
  );
}

/** To the address an undo link moved the account away from: the one place that learns it happened. */
export function emailChangeUndoneMail(to: string, restoredEmail: string): MailMessage {
  const lines = [
    `An undo link moved your account's email address back to ${restoredEmail}. Every session was signed out and the password was ended; a password reset code went to ${restoredEmail}.`,
  ];
  return plainMail(to, "Your email address change was undone", lines, lines.map(escapeHtml));
}
