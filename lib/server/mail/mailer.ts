import "server-only";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import { config } from "../config";
import { logger } from "../log";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  readonly kind: "smtp" | "outbox";
  send(message: MailMessage): Promise<void>;
}

/** Real delivery through SMTP_URL. */
function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    kind: "smtp",
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
  };
}

/**
 * Without SMTP_URL, mail is written as .eml files under .data/outbox, listed at /dev/outbox
 * in development, so the whole flow works on a laptop with nothing else running.
 */
function outboxMailer(dir: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    kind: "outbox",
    async send(message) {
      const info = await transport.sendMail({ from, ...message });
      mkdirSync(dir, { recursive: true });
      const file = `${new Date().toISOString().replace(/[:.]/g, "-")}-${crypto.randomUUID().slice(0, 8)}.eml`;
      writeFileSync(path.join(dir, file), info.message as Buffer);
    },
  };
}

let instance: Mailer | undefined;

/** Chosen once from configuration; callers never know which one they got. */
export function mailer(): Mailer {
  if (!instance) {
    const { smtpUrl, mailFrom, outboxDir, isProduction } = config();
    instance = smtpUrl ? smtpMailer(smtpUrl, mailFrom) : outboxMailer(outboxDir, mailFrom);
    if (!smtpUrl && isProduction) logger().warn("SMTP_URL is not set: mail goes to the local outbox only");
  }
  return instance;
}

/**
 * Sends after the response, off the request path: a slow or failing mail server never delays,
 * fails or undoes what the request did. Failures are logged without the message body.
 */
export function sendInBackground(message: MailMessage, purpose: string): void {
  mailer()
    .send(message)
    .catch((error: unknown) => {
      logger().error({ purpose, err: { type: (error as Error)?.name, code: (error as { code?: unknown })?.code } }, "mail not sent");
    });
}
