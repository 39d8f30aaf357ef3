// Mail that survives a mail server that is down or hangs: every acknowledged request's mail
// arrives exactly once when the server comes back, and no request waits for it.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { freePort } from "../support/free-port";
import { findMail, startMailServer, type MailServer } from "../support/mailbox";
import { startSmtpGate, type SmtpGate } from "../support/smtp-stand-ins";
import { apiClient, bearer, signedUpUser, strongPassword, uniqueEmail, type ApiClient } from "./client";
import { durabilityBackends, eventually, mailCount, quickMailEnv, scratchDir, sleep, type OwnDatabase } from "./durability-helpers";

const CHANGED = "Your password was changed";
const WELCOME = "Your account was created";
const VERIFY = "Verify your email address";
const CODE = "Your password reset code";
const RESET = "Your password was reset";

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await work();
  return [performance.now() - started, result];
}

const readiness = async (api: ApiClient) => (await api.request("GET", "/api/health/ready")).body.mail;

describe.each(durabilityBackends)("mail delivery on $name", ({ name, create }) => {
  const scratch = scratchDir(`outbox-${name}`);
  const mailDir = `${scratch.dir}/mail`;
  let database: OwnDatabase;
  let portal: AppServer;
  let smtpPort: number;
  let mailServer: MailServer | undefined;

  beforeAll(async () => {
    database = await create("outbox_smtp_down");
    smtpPort = await freePort();
    // Nothing listens on smtpPort yet: the mail server is down.
    portal = await startAppServer(`outbox-${name}`, database.target, scratch.dir, { ...quickMailEnv, SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });
  }, 120_000);

  afterAll(async () => {
    await portal?.stop();
    await mailServer?.stop();
    await database?.dispose();
    scratch.remove();
  });

  it("answers at once while SMTP is down, then delivers every mail exactly once when it comes up", async () => {
    const api = apiClient(portal.url);
    const accounts: Awaited<ReturnType<typeof signedUpUser>>[] = [];
    for (let i = 0; i < 3; i += 1) accounts.push(await signedUpUser(api));
    for (const account of accounts) {
      const newPassword = strongPassword();
      const [ms, changed] = await timed(() => api.changePassword({ oldPassword: account.password, newPassword }, { headers: bearer(account.token) }));
      expect(changed.status, changed.text).toBe(200);
      expect(ms).toBeLessThan(2_000);
      account.password = newPassword;
    }
    // Several attempts fail while nothing listens; the jobs wait, reported by readiness.
    await sleep(1_500);
    const beforeResets = await readiness(api);
    // A welcome and a verification mail per registration, a notice per change.
    expect(beforeResets.pending).toBe(3 * 2 + 3);

    const unknown = uniqueEmail("nobody");
    for (const email of [accounts[0]!.email, unknown]) {
      const [ms, asked] = await timed(() => api.request("POST", "/api/v1/user/forgot-password", { email }));
      expect(asked.status, asked.text).toBe(200);
      expect(ms).toBeLessThan(2_000);
    }
    // Readiness is public: the known email's waiting code mail must not show there (the unknown
    // email's request leaves nothing to send), or polling it would tell accounts apart.
    await sleep(1_500);
    const waiting = await readiness(api);
    // The same: readiness leaves forgot-password mail out.
    expect(waiting.pending).toBe(3 * 2 + 3);
    expect(waiting.oldestPendingSeconds).toBeGreaterThanOrEqual(1);
    expect(waiting.dead).toBe(0);

    mailServer = await startMailServer(mailDir, { port: smtpPort });
    for (const account of accounts) {
      for (const subject of [WELCOME, VERIFY, CHANGED]) {
        expect(await eventually(() => mailCount(mailDir, account.email, subject), (n) => n >= 1), `${subject} to ${account.email}`).toBe(1);
      }
    }
    expect(await eventually(() => mailCount(mailDir, accounts[0]!.email, CODE), (n) => n >= 1)).toBe(1);
    expect(await eventually(() => readiness(api), (mail) => mail.pending === 0)).toMatchObject({ pending: 0, due: 0, dead: 0 });

    // The reset goes on from the mail that arrived late; its own notice arrives once too.
    const [codeMail] = await findMail(mailDir, { to: accounts[0]!.email, subject: CODE });
    const code = /reset code is (\d{6})/.exec(codeMail!.text ?? "")![1]!;
    const confirmed = await api.request("POST", "/api/v1/user/confirm-otp-reset", { email: accounts[0]!.email, resetToken: code });
    expect(confirmed.status, confirmed.text).toBe(200);
    const reset = await api.request("POST", "/api/v1/user/password-reset", { email: accounts[0]!.email, password: strongPassword(), resetToken: code });
    expect(reset.status, reset.text).toBe(200);
    expect(await eventually(() => mailCount(mailDir, accounts[0]!.email, RESET), (n) => n >= 1)).toBe(1);

    // Nothing more comes later: no second copy of anything, nothing for the unknown email.
    await sleep(1_500);
    for (const account of accounts) {
      expect(await mailCount(mailDir, account.email, WELCOME)).toBe(1);
      expect(await mailCount(mailDir, account.email, VERIFY)).toBe(1);
      expect(await mailCount(mailDir, account.email, CHANGED)).toBe(1);
    }
    expect(await mailCount(mailDir, accounts[0]!.email, CODE)).toBe(1);
    expect(await findMail(mailDir, { to: unknown })).toHaveLength(0);
  }, 90_000);
});

describe.each(durabilityBackends)("a mail server that accepts and then hangs, on $name", ({ name, create }) => {
  const scratch = scratchDir(`smtp-hang-${name}`);
  const mailDir = `${scratch.dir}/mail`;
  let database: OwnDatabase;
  let portal: AppServer;
  let gate: SmtpGate;
  let mailServer: MailServer;

  beforeAll(async () => {
    database = await create("outbox_smtp_hang");
    gate = await startSmtpGate();
    mailServer = await startMailServer(mailDir);
    portal = await startAppServer(`smtp-hang-${name}`, database.target, scratch.dir, {
      ...quickMailEnv,
      SMTP_URL: gate.url,
      NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    });
  }, 120_000);

  afterAll(async () => {
    await portal?.stop();
    await gate?.close();
    await mailServer?.stop();
    await database?.dispose();
    scratch.remove();
  });

  it("never slows a request; the sender times out (SMTP_TIMEOUT_MS), retries, and delivers once the server answers", async () => {
    const api = apiClient(portal.url);
    const account = await signedUpUser(api);
    const [ms, changed] = await timed(() => api.changePassword({ oldPassword: account.password, newPassword: strongPassword() }, { headers: bearer(account.token) }));
    expect(changed.status, changed.text).toBe(200);
    expect(ms).toBeLessThan(1_000);

    // While the sender is stuck on the silent server, requests answer as fast as ever.
    const slowest = { ms: 0 };
    const started = Date.now();
    while (Date.now() - started < 2_500) {
      for (const call of [() => api.request("GET", "/api/health/ready"), () => api.login({ email: account.email, password: strongPassword() })]) {
        const [took] = await timed(call);
        slowest.ms = Math.max(slowest.ms, took);
      }
    }
    expect(slowest.ms).toBeLessThan(1_000);
    // It gave up on the first connection and tried again.
    expect(await eventually(async () => gate.connections(), (n) => n >= 2, 10_000)).toBeGreaterThanOrEqual(2);
    expect(await findMail(mailDir, { to: account.email })).toHaveLength(0);

    gate.setMode({ passTo: Number(new URL(mailServer.url).port) });
    for (const subject of [WELCOME, CHANGED]) {
      expect(await eventually(() => mailCount(mailDir, account.email, subject), (n) => n >= 1)).toBe(1);
    }
    await sleep(1_000);
    expect(await mailCount(mailDir, account.email, CHANGED)).toBe(1);
  }, 90_000);
});
