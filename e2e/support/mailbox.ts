import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface MailServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * A real SMTP server on loopback that keeps every message it receives as an .eml file in `dir`,
 * so tests in other processes (Vitest workers, Playwright) can read what the portal sent.
 */
export async function startMailServer(dir: string, { port = 0, delayMs = 0 }: { port?: number; delayMs?: number } = {}): Promise<MailServer> {
  mkdirSync(dir, { recursive: true });
  let counter = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        counter += 1;
        // Written whole, then renamed: a reader never sees a message half written.
        const file = path.join(dir, `${Date.now()}-${process.pid}-${counter}.eml`);
        writeFileSync(`${file}.partial`, Buffer.concat(chunks));
        renameSync(`${file}.partial`, file);
        // A slow server (delayMs) answers only after the message is stored, as a real one does.
        setTimeout(callback, delayMs);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  if (!address || typeof address !== "object") throw new Error("SMTP server has no address");
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface MailQuery {
  to: string;
  subject?: string | RegExp;
  /** Only messages received after this time (ms since epoch). */
  after?: number;
}

function addressesOf(mail: ParsedMail): string[] {
  const fields = [mail.to].flat().filter(Boolean) as { value: { address?: string }[] }[];
  return fields.flatMap((field) => field.value.map((entry) => entry.address?.toLowerCase() ?? ""));
}

/**
 * Messages already read, by path: a message file never changes once it is there, and a suite's
 * mailbox holds thousands of them by its end, each read again on every poll otherwise.
 */
const parsed = new Map<string, Promise<ParsedMail>>();

function readMail(file: string): Promise<ParsedMail> {
  let mail = parsed.get(file);
  if (!mail) parsed.set(file, (mail = simpleParser(readFileSync(file))));
  return mail;
}

/** Every message in `dir` matching the query, oldest first. */
export async function findMail(dir: string, query: MailQuery): Promise<ParsedMail[]> {
  const files = readdirSync(dir).filter((file) => file.endsWith(".eml")).sort();
  const matches: ParsedMail[] = [];
  for (const file of files) {
    if (query.after && Number(file.split("-")[0]) < query.after) continue;
    const mail = await readMail(path.join(dir, file));
    if (!addressesOf(mail).includes(query.to.toLowerCase())) continue;
    if (query.subject instanceof RegExp ? !query.subject.test(mail.subject ?? "") : query.subject && mail.subject !== query.subject) continue;
    matches.push(mail);
  }
  return matches;
}

/** Waits for a matching message and returns the newest (mail is sent after the response). */
export async function waitForMail(dir: string, query: MailQuery, timeoutMs = 10_000): Promise<ParsedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const newest = (await findMail(dir, query)).at(-1);
    if (newest) return newest;
    if (Date.now() > deadline) throw new Error(`no mail to ${query.to} (${String(query.subject ?? "any subject")}) within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
