// The mail a registration sends.
import "server-only";
import type { MailMessage } from "../../mail/mailer";
import { escapeHtml, layout } from "../../mail/templates";

/** Welcome: confirms the address works and tells an owner who did not sign up what to do. */
export function accountCreatedMail(to: string, appUrl: string): MailMessage {
  const subject = "Your account was created";
  const signIn = `${appUrl}/sign-in`;
  const text = [
    "An account was created with this email address.",
    "",
    `Sign in: ${signIn}`,
    "",
    `If this was not you, someone else chose your address: reset the password to take the account over: ${appUrl}/forgot-password`,
  ].join("\n");
  const html = layout(subject, [
    "An account was created with this email address.",
    `<a href="${escapeHtml(signIn)}">Sign in</a>.`,
    `If this was not you, someone else chose your address: <a href="${escapeHtml(`${appUrl}/forgot-password`)}">reset the password</a> to take the account over.`,
  ]);
  return { to, subject, text, html };
}
