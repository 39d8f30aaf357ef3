import { randomUUID } from "node:crypto";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { database, inTransaction } from "../db/client";
import { mailJobRepository } from "../repositories/mail-job-repository";
import { queueMail, wakeSender } from "./outbox";
import { MailSender } from "./sender";
import { seal } from "../security/sealed";
import { randomBytes } from "node:crypto";

/**
 * A real SMTP server on loopback whose answers each test plans per recipient, attempt by attempt:
 * accept, refuse for now (451, as a greylisting or overloaded server does), or refuse for good
 * (550). Past its plan a recipient is accepted. Each attempt's time is kept.
 */
type Answer = "accept" | 451 | 550;
const plans = new Map<string, Answer[]>();
const attemptTimes = new Map<string, number[]>();
const received: { to: string[]; text: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      const to = session.envelope.rcptTo[0]!.address;
      attemptTimes.set(to, [...(attemptTimes.get(to) ?? []), Date.now()]);
      const answer = plans.get(to)?.shift() ?? "accept";
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
    const to = address();
    await queue(to);
    const job = await until(() => jobFor(to), (row) => row.sentAt !== null);
    expect(job).toMatchObject({ attempts: 1, body: null, lastError: null, deadAt: null });
    expect(received.filter((mail) => mail.to.includes(to))).toHaveLength(1);
  });

  it("retries a refused send after a growing delay, and sends it once accepted", async () => {
    const to = address();
    plans.set(to, [451, 451]);
    await queue(to);
    const sent = await until(() => jobFor(to), (row) => row.sentAt !== null);
    expect(sent).toMatchObject({ attempts: 3, deadAt: null, body: null });
    expect(received.filter((mail) => mail.to.includes(to))).toHaveLength(1);
    // MAIL_RETRY_BASE_MS=200, doubled, each cut by up to a quarter: at least 150 ms, then 300 ms
    // (lower bounds only: a loaded machine makes gaps longer, never shorter).
    const [first, second, third] = attemptTimes.get(to)!;
    expect(second! - first!).toBeGreaterThanOrEqual(150);
    expect(third! - second!).toBeGreaterThanOrEqual(300);
  });

  it("gives up after MAIL_MAX_ATTEMPTS (3 here), dropping the body and keeping only the refusal's code", async () => {
    const to = address();
    plans.set(to, [451, 451, 451]);
    await queue(to);
    const dead = await until(() => jobFor(to), (row) => row.deadAt !== null);
    expect(dead).toMatchObject({ attempts: 3, sentAt: null, body: null, lastError: "EMESSAGE 451 DATA" });
    expect(received.filter((mail) => mail.to.includes(to))).toHaveLength(0);
  });

  it("gives up at once on a permanent refusal (5xx)", async () => {
    const to = address();
    plans.set(to, [550]);
    await queue(to);
    const dead = await until(() => jobFor(to), (row) => row.deadAt !== null);
    expect(dead).toMatchObject({ attempts: 1, sentAt: null, lastError: "EMESSAGE 550 DATA" });
  });

  it("retries a body sealed under another secret (another instance's), then gives up, never sending it", async () => {
    const to = address();
    const id = randomUUID();
    await mailJobRepository.add({ id, kind: "password_changed", recipient: to, body: seal({ to, subject: "s", text: "t", html: "h" }, randomBytes(32), id) }, database());
    wakeSender();
    const dead = await until(() => jobFor(to), (row) => row.deadAt !== null);
    expect(dead).toMatchObject({ attempts: 3, lastError: "UNREADABLE_BODY", body: null });
    expect(received.filter((mail) => mail.to.includes(to))).toHaveLength(0);
  });
});
