// The mail a password change sends.
import "server-only";
import { describeDevice } from "@/lib/describe-device";
import type { MailMessage } from "../../mail/mailer";
import { escapeHtml, layout, type ChangeContext } from "../../mail/templates";

/** "Your password was changed": when, from where, and what to do if it was not them. */
export function passwordChangedMail(to: string, context: ChangeContext, appUrl: string): MailMessage {
  const when = context.when.toUTCString();
  const from = context.ip ?? "an unknown address";
  const device = describeDevice(context.userAgent);
  const recover = `${appUrl}/forgot-password`;
  const subject = "Your password was changed";
  const text = [
    "The password of your account was changed.",
    "",
    `When: ${when}`,
    `IP address: ${from}`,
    `Device: ${device}`,
    "",
    `If this was not you, reset your password now: ${recover}`,
  ].join("\n");
  const html = layout(subject, [
    "The password of your account was changed.",
    `When: ${escapeHtml(when)}<br>IP address: ${escapeHtml(from)}<br>Device: ${escapeHtml(device)}`,
    `If this was not you, <a href="${escapeHtml(recover)}">reset your password now</a>.`,
  ]);
  return { to, subject, text, html };
}
