import { randomUUID } from "node:crypto";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { database, inTransaction } from "../db/client";
import { mailJobRepository } from "../repositories/mail-job-repository";
import { queueMail, wakeSender } from "./outbox";
import { MailSender } from "./sender";
import { sealBody } from "./sealed-body";
import { randomBytes } from "node:crypto";

/**
 * A real SMTP server on loopback whose answer each test chooses: accept, refuse for now (451, as a
 * greylisting or overloaded server does), or refuse for good (550).
 */
let answer: "accept" | 451 | 550 = "accept";
const received: { to: string[]; text: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      if (answer !== "accept") return callback(Object.assign(new Error("not now"), { responseCode: answer }));
      received.push({ to: session.envelope.rcptTo.map((recipient) => recipient.address), text: Buffer.concat(chunks).toString() });
      callback();
    });
  },
});

let sender: MailSender;

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  const { port } = smtp.server.address() as { port: number };
  // config() is read once, at first use: these settings are in place before it.
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.MAIL_RETRY_BASE_MS = "200";
  process.env.MAIL_MAX_ATTEMPTS = "3";
  sender = new MailSender();
  sender.start();
});

afterAll(async () => {
  await sender.stop();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function queue(to: string) {
  await inTransaction((tx) => queueMail("password_changed", { to, subject: "Subject", text: `hello ${to}`, html: "<p>hello</p>" }, tx));
  wakeSender();
}

const jobFor = (to: string) => database().mailJob.findFirstOrThrow({ where: { recipient: to } });

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const address = () => `sender-${randomUUID()}@example.com`;

describe("the outbox sender", () => {
  it("sends a committed job at once, marks it sent only then, and keeps no body", async () => {
    answer = "accept";
    const to = address();
    await queue(to);
    const job = await until(() => jobFor(to), (row) => row.sentAt !== null);
    expect(job).toMatchObject({ attempts: 1, body: null, lastError: null, deadAt: null });
    expect(received.filter((mail) => mail.to.includes(to))).toHaveLength(1);
  });

  it("retries a refused send after a short, growing delay, and sends it once accepted", async () => {
    answer = 451;
    const to = address();
    await queue(to);
    const failed = await until(() => jobFor(to), (row) => row.attempts >= 2);
    expect(failed).toMatchObject({ sentAt: null, deadAt: null, lastError: "EMESSAGE 451 DATA" });
    answer = "accept";
    const sent = await until(() => jobFor(to), (row) => row.sentAt !== null);
    expect(sent.attempts).toBeGreaterThanOrEqual(2);
    expect(received.filter((mail) => mail.to.includes(to))).toHaveLength(1);
  });

  it("gives up after MAIL_MAX_ATTEMPTS, dropping the body", async () => {
    answer = 451;
    const to = address();
    await queue(to);
    const dead = await until(() => jobFor(to), (row) => row.deadAt !== null);
    expect(dead).toMatchObject({ attempts: 3, sentAt: null, body: null, lastError: "EMESSAGE 451 DATA" });
    answer = "accept";
  });

  it("gives up at once on a permanent refusal (5xx)", async () => {
    answer = 550;
    const to = address();
    await queue(to);
    const dead = await until(() => jobFor(to), (row) => row.deadAt !== null);
    expect(dead).toMatchObject({ attempts: 1, sentAt: null, lastError: "EMESSAGE 550 DATA" });
    answer = "accept";
  });

  it("gives up on a body sealed under another secret, without sending it", async () => {
    const to = address();
    const id = randomUUID();
    await mailJobRepository.add({ id, kind: "password_changed", recipient: to, body: sealBody({ to, subject: "s", text: "t", html: "h" }, randomBytes(32), id) }, database());
    wakeSender();
    const dead = await until(() => jobFor(to), (row) => row.deadAt !== null);
    expect(dead).toMatchObject({ attempts: 1, lastError: "UNREADABLE_BODY" });
    expect(received.filter((mail) => mail.to.includes(to))).toHaveLength(0);
  });
});
