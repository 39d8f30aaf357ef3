import "server-only";
// What every mail shares: its HTML layout and escaping, and the shape of a plain one. Each
// feature writes its own mails (lib/server/features/<feature>/mails.ts).
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

/** A mail of plain lines (text) and paragraphs (HTML) under one title. */
export function plainMail(to: string, subject: string, lines: string[], html: string[]): MailMessage {
  return { to, subject, text: lines.join("\n"), html: layout(subject, html) };
}

export const codeHtml = (code: string) => `<strong style="font-size:1.4rem;letter-spacing:0.2rem">${escapeHtml(code)}</strong>`;
