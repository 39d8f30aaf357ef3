// The mail a change to two-step verification sends, so that a change the owner did not make (by
// someone who knew the password and held a session) does not go unseen.
import "server-only";
import { describeDevice } from "@/lib/describe-device";
import type { MailMessage } from "../../mail/mailer";
import { escapeHtml, layout, type ChangeContext } from "../../mail/templates";

export type TwoFactorChange = "enabled" | "disabled" | "recovery_codes";

const WHAT: Record<TwoFactorChange, { subject: string; sentence: string }> = {
  enabled: { subject: "Two-step verification turned on", sentence: "Two-step verification was turned on for your account, with an authenticator app." },
  disabled: { subject: "Two-step verification turned off", sentence: "Two-step verification was turned off for your account: signing in now takes the password alone." },
  recovery_codes: { subject: "New recovery codes for your account", sentence: "New recovery codes were made for your account; the old ones no longer work." },
};

export function twoFactorChangedMail(to: string, change: TwoFactorChange, context: ChangeContext, appUrl: string): MailMessage {
  const { subject, sentence } = WHAT[change];
  const when = context.when.toUTCString();
  const from = context.ip ?? "an unknown address";
  const device = describeDevice(context.userAgent);
  const recover = `${appUrl}/forgot-password`;
  const advice = "If this was not you, someone knows your password: reset it now, and ask the portal's support to remove an authenticator app you did not add.";
  const text = [sentence, "", `When: ${when}`, `IP address: ${from}`, `Device: ${device}`, "", `${advice} ${recover}`].join("\n");
  const html = layout(subject, [
    escapeHtml(sentence),
    `When: ${escapeHtml(when)}<br>IP address: ${escapeHtml(from)}<br>Device: ${escapeHtml(device)}`,
    `${escapeHtml(advice)} <a href="${escapeHtml(recover)}">Reset your password</a>.`,
  ]);
  return { to, subject, text, html };
}
