// The mails of a password reset: the code and link, and the notice once it is done.
import "server-only";
import { describeDevice } from "@/lib/describe-device";
import type { MailMessage } from "../../mail/mailer";
import { escapeHtml, layout, type ChangeContext } from "../../mail/templates";

/** The reset code and the link that confirms without typing. */
export function resetCodeMail(to: string, code: string, link: string): MailMessage {
  const subject = "Your password reset code";
  const text = [
    `Your password reset code is ${code}. It expires in 10 minutes.`,
    "",
    `Or open this link to continue without typing the code: ${link}`,
    "",
    "If you did not ask to reset your password, ignore this message: nothing changes.",
  ].join("\n");
  const html = layout(subject, [
    `Your password reset code is <strong style="font-size:1.4rem;letter-spacing:0.2rem">${escapeHtml(code)}</strong>. It expires in 10 minutes.`,
    `Or <a href="${escapeHtml(link)}">continue without typing the code</a>.`,
    "If you did not ask to reset your password, ignore this message: nothing changes.",
  ]);
  return { to, subject, text, html };
}

/** After a completed reset: every session was signed out; what to do if it was not them. */
export function passwordResetMail(to: string, context: ChangeContext, appUrl: string): MailMessage {
  const subject = "Your password was reset";
  const when = context.when.toUTCString();
  const text = [
    "The password of your account was reset, and every session was signed out.",
    "",
    `When: ${when}`,
    `IP address: ${context.ip ?? "an unknown address"}`,
    `Device: ${describeDevice(context.userAgent)}`,
    "",
    `If this was not you, reset it again at once: ${appUrl}/forgot-password`,
  ].join("\n");
  const html = layout(subject, [
    "The password of your account was reset, and every session was signed out.",
    `When: ${escapeHtml(when)}<br>IP address: ${escapeHtml(context.ip ?? "an unknown address")}<br>Device: ${escapeHtml(describeDevice(context.userAgent))}`,
    `If this was not you, <a href="${escapeHtml(`${appUrl}/forgot-password`)}">reset it again at once</a>.`,
  ]);
  return { to, subject, text, html };
}
