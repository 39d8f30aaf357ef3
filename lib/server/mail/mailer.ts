import "server-only";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
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

/**
 * Real delivery through SMTP_URL. Every phase of the conversation is bounded by `timeoutMs`, and
 * the whole send by a multiple of it: a server that accepts the connection and then says nothing
 * would otherwise hold the sender for nodemailer's defaults (up to an hour of socket inactivity).
 */
export function createSmtpMailer(url: string, from: string, timeoutMs: number): Mailer {
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
  });
  return {
    kind: "smtp",
    send: (message) => withinTime(transport.sendMail({ from, ...message }), SEND_TIME_LIMIT_PHASES * timeoutMs),
  };
}

/** A whole send may take this many SMTP_TIMEOUT_MS; the outbox's claim on a job outlasts it. */
export const SEND_TIME_LIMIT_PHASES = 3;

function withinTime<T>(work: Promise<T>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error("the mail server took too long"), { code: "ETIMEDOUT" })), ms);
  });
  return Promise.race([work.then(() => undefined), timeout]).finally(() => clearTimeout(timer));
}

export interface OutboxEntry {
  to: string;
  subject: string;
  text: string;
  sentAt: string;
}

/**
 * Without SMTP_URL, each message is written under .data/outbox as the .eml a mail server would
 * get, plus a .json summary that /dev/outbox lists in development, so the whole flow works on a
 * laptop with nothing else running.
 */
export function createOutboxMailer(dir: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    kind: "outbox",
    async send(message) {
      const info = await transport.sendMail({ from, ...message });
      mkdirSync(dir, { recursive: true });
      const sentAt = new Date().toISOString();
      const base = `${sentAt.replace(/[:.]/g, "-")}-${crypto.randomUUID().slice(0, 8)}`;
      writeFileSync(path.join(dir, `${base}.eml`), info.message as Buffer);
      const entry: OutboxEntry = { to: message.to, subject: message.subject, text: message.text, sentAt };
      writeFileSync(path.join(dir, `${base}.json`), JSON.stringify(entry));
      logger().info({ purpose: message.subject, file: `${base}.eml` }, "mail written to the outbox");
    },
  };
}

/** The outbox, newest first (development page only). */
export function readOutbox(limit = 50): OutboxEntry[] {
  const { outboxDir } = config();
  if (!existsSync(outboxDir)) return [];
  return readdirSync(outboxDir)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .reverse()
    .slice(0, limit)
    .map((file) => JSON.parse(readFileSync(path.join(outboxDir, file), "utf8")) as OutboxEntry);
}

let instance: Mailer | undefined;

/** Chosen once from configuration; callers never know which one they got. */
export function mailer(): Mailer {
  if (!instance) {
    const { smtpUrl, mailFrom, outboxDir, isProduction, smtpTimeoutMs } = config();
    instance = smtpUrl ? createSmtpMailer(smtpUrl, mailFrom, smtpTimeoutMs) : createOutboxMailer(outboxDir, mailFrom);
    if (!smtpUrl && isProduction) logger().warn("SMTP_URL is not set: mail goes to the local outbox only");
  }
  return instance;
}
