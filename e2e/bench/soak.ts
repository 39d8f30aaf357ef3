// npm run soak — not part of npm test. Mixed traffic at a steady pace against the production
// server for SOAK_SECONDS (600): sign-in, check, password change, forgot → confirm → reset (the
// code read from the mail a local SMTP server receives), and junk (bad JSON, wrong types,
// unknown paths). Prints resident memory at start, after the warm-up and at the end, the event
// loop's p99 delay after the warm-up, the error count (5xx and failed connections) and the mail
// outbox's backlog once the traffic stops. Goals (docs/operations.md): RSS growth under 10 % after the
// warm-up, no 5xx, backlog drained by the end.
// Knobs: SOAK_SECONDS, SOAK_WARMUP_SECONDS (a tenth of the run, at least 10), SOAK_WORKERS (4),
// SOAK_PAUSE_MS (100, each worker between actions), BCRYPT_COST (10), SOAK_SKIP_BUILD=1,
// SOAK_DATABASE_URL (PostgreSQL instead of the embedded PGlite; that database is emptied).
import { execSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { createPgliteDatabase, createPostgresDatabase } from "@/lib/testing/databases";
import { PRODUCTION_HASHING, startAppServer } from "../support/app-server";
import { round } from "./stats";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const WARMUP_SECONDS = Number(process.env.SOAK_WARMUP_SECONDS ?? Math.max(10, Math.round(SECONDS / 10)));
const WORKERS = Number(process.env.SOAK_WORKERS ?? 4);
const PAUSE_MS = Number(process.env.SOAK_PAUSE_MS ?? 100);
const FORGOT_COOLDOWN_MS = 61_000;

const statuses = new Map<string, number>();
let errors = 0;
const codes = new Map<string, string>();
let mailReceived = 0;

/** Receives the portal's mail; keeps the newest reset code per recipient. */
async function startMailSink(): Promise<{ url: string; close(): void }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        mailReceived += 1;
        const code = /reset code is (\d{6})/.exec(mail.text ?? "")?.[1];
        for (const recipient of session.envelope.rcptTo) if (code) codes.set(recipient.address.toLowerCase(), code);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.server.address() as { port: number };
  return { url: `smtp://127.0.0.1:${port}`, close: () => server.close() };
}

async function call(base: string, method: string, urlPath: string, body?: unknown, headers: Record<string, string> = {}, raw?: string) {
  try {
    const response = await fetch(`${base}${urlPath}`, {
      method,
      headers: { ...(body !== undefined || raw !== undefined ? { "content-type": "application/json" } : {}), ...headers },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await response.text();
    const key = `${method} ${urlPath.split("?")[0]} ${response.status}`;
    statuses.set(key, (statuses.get(key) ?? 0) + 1);
    if (response.status >= 500) errors += 1;
    return { status: response.status, body: (text.startsWith("{") ? JSON.parse(text) : {}) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  } catch {
    errors += 1;
    return { status: 0, body: {} };
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One simulated person: an account of its own, cycling through every kind of request. */
async function worker(base: string, index: number, until: number) {
  const email = `soak-${index}-${Date.now()}@example.com`;
  const passwords = ["amber-falcon-river-71", "copper-kettle-drizzle-42"];
  let current = 0;
  await call(base, "POST", "/api/v1/user/register", { email, password: passwords[0] });
  let lastForgot = 0;
  for (let step = 0; Date.now() < until; step += 1) {
    const login = await call(base, "POST", "/api/v1/user/login", { email, password: passwords[current] });
    const auth = { authorization: `Bearer ${login.body.token ?? "none"}` };
    switch (step % 5) {
      case 0:
        await call(base, "GET", "/api/v1/user/check", undefined, auth);
        break;
      case 1: {
        const changed = await call(base, "PATCH", "/api/v1/user/password", { oldPassword: passwords[current], newPassword: passwords[1 - current] }, auth);
        if (changed.status === 200) current = 1 - current;
        break;
      }
      case 2: {
        if (Date.now() - lastForgot < FORGOT_COOLDOWN_MS) break;
        lastForgot = Date.now();
        codes.delete(email);
        await call(base, "POST", "/api/v1/user/forgot-password", { email });
        await call(base, "POST", "/api/v1/user/forgot-password", { email: `nobody-${index}-${Date.now()}@example.com` });
        for (let waited = 0; !codes.has(email) && waited < 10_000; waited += 100) await sleep(100);
        const code = codes.get(email);
        if (!code) break;
        await call(base, "POST", "/api/v1/user/confirm-otp-reset", { email, resetToken: code });
        const reset = await call(base, "POST", "/api/v1/user/password-reset", { email, password: passwords[1 - current], resetToken: code });
        if (reset.status === 200) current = 1 - current;
        break;
      }
      case 3:
        await call(base, "GET", "/api/v1/user/sessions", undefined, auth);
        break;
      default:
        await call(base, "POST", "/api/v1/user/login", undefined, {}, "{not json");
        await call(base, "POST", "/api/v1/user/register", { email: 5, password: [] });
        await call(base, "GET", `/api/v1/nothing-here-${step}`);
    }
    await sleep(PAUSE_MS);
  }
}

type Probe = { rss: number; loopP99Ms: number; loopMaxMs: number; at: number };

async function main() {
  if (!process.env.SOAK_SKIP_BUILD) {
    console.log("building…");
    execSync("npx next build", { stdio: "ignore" });
  }
  const logDir = mkdtempSync(path.join(tmpdir(), "account-portal-soak-"));
  const probeFile = path.join(logDir, "probe.json");
  const database = process.env.SOAK_DATABASE_URL ? await createPostgresDatabase(process.env.SOAK_DATABASE_URL) : await createPgliteDatabase("soak");
  const mail = await startMailSink();
  const server = await startAppServer("soak", database.target, logDir, {
    ...PRODUCTION_HASHING,
    SMTP_URL: mail.url,
    BCRYPT_COST: process.env.BCRYPT_COST ?? "10",
    LOG_LEVEL: "warn",
    SOAK_PROBE_FILE: probeFile,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${path.join(import.meta.dirname, "loop-probe.cjs")}`.trim(),
  });
  const probe = async (): Promise<Probe> => {
    const asked = Date.now();
    for (;;) {
      try {
        const sample = JSON.parse(readFileSync(probeFile, "utf8")) as Probe;
        if (sample.at >= asked) return sample;
      } catch {
        // not written yet
      }
      await sleep(200);
    }
  };
  const mb = (bytes: number) => round(bytes / 2 ** 20);

  const atStart = await probe();
  console.log(`soak: ${SECONDS} s (${WARMUP_SECONDS} s warm-up), ${WORKERS} workers, ${PAUSE_MS} ms between actions; server log ${server.logFile}`);
  const started = Date.now();
  const until = started + SECONDS * 1000;
  const running = Promise.all(Array.from({ length: WORKERS }, (_, index) => worker(server.url, index, until)));
  await sleep(WARMUP_SECONDS * 1000);
  server.child.kill("SIGUSR2");
  const afterWarmup = await probe();
  await running;
  const atEnd = await probe();
  const requests = [...statuses.values()].reduce((a, b) => a + b, 0);

  // The backlog once traffic stops, and whether the sender drains it.
  const ready = async () => (await (await fetch(`${server.url}/api/health/ready`)).json()).mail;
  const backlogAtStop = await ready();
  let backlog = backlogAtStop;
  for (let waited = 0; backlog.pending > 0 && waited < 30_000; waited += 500) {
    await sleep(500);
    backlog = await ready();
  }

  const growth = ((atEnd.rss - afterWarmup.rss) / afterWarmup.rss) * 100;
  console.log(`requests: ${requests} (${round(requests / SECONDS)}/s); mail received: ${mailReceived}`);
  console.log(`RSS: start ${mb(atStart.rss)} MB, after warm-up ${mb(afterWarmup.rss)} MB, end ${mb(atEnd.rss)} MB (${round(growth)} % after warm-up; goal < 10 %)`);
  console.log(`event-loop delay after warm-up: p99 ${atEnd.loopP99Ms} ms, max ${atEnd.loopMaxMs} ms`);
  console.log(`errors (5xx or no answer): ${errors} (goal 0)`);
  console.log(`outbox when traffic stopped: ${JSON.stringify(backlogAtStop)}; ${backlog.pending === 0 ? "drained" : "NOT drained"}: ${JSON.stringify(backlog)}`);
  console.log("answers:", Object.fromEntries([...statuses.entries()].sort()));
  await server.stop();
  mail.close();
  database.dispose();
  process.exit(errors === 0 && backlog.pending === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
