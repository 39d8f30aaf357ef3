import "server-only";
import { describeDevice } from "@/lib/describe-device";
import type { MailMessage } from "./mailer";

export const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);

export function layout(title: string, paragraphs: string[]): string {
  const body = paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join("\n");
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1b1f24">
<h1 style="font-size:1.25rem">${escapeHtml(title)}</h1>
${body}
</body></html>`;
}

export interface ChangeContext {
  when: Date;
  ip: string | null;
  /** The request's header, shown only as describeDevice's summary: it is the client's own text. */
  userAgent: string | null;
}

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
