// kill -9 and SIGTERM: nothing acknowledged is lost. A change answered 200 is stored and its
// notice goes out after the restart; a change that got no answer happened entirely or not at all.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRODUCTION_HASHING, startAppServer, type AppServer } from "../support/app-server";
import { freePort } from "../support/free-port";
import { startMailServer, type MailServer } from "../support/mailbox";
import { apiClient, bearer, signedUpUser, strongPassword } from "./client";
import { durabilityBackends, eventually, mailCount, quickMailEnv, scratchDir, sleep, type OwnDatabase } from "./durability-helpers";

const CHANGED = "Your password was changed";
const ACCOUNTS = 20;

type Outcome = { status: number } | { error: string };

const exited = (server: AppServer) =>
  new Promise<number | null>((resolve) => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return resolve(server.child.exitCode);
    server.child.once("exit", (code) => resolve(code));
  });

describe.each(durabilityBackends)("kill -9 during concurrent password changes, on $name", ({ name, create }) => {
  const scratch = scratchDir(`crash-${name}`);
  const mailDir = `${scratch.dir}/mail`;
  // Both runs of the portal share the secret: the outbox's bodies are sealed under it.
  // bcrypt at production's cost keeps the changes in flight long enough for the signal to land among them.
  const env = { ...quickMailEnv, ...PRODUCTION_HASHING, NEXTAUTH_SECRET: randomBytes(32).toString("hex") };
  let database: OwnDatabase;
  let mailServer: MailServer | undefined;
  const servers: AppServer[] = [];

  beforeAll(async () => {
    database = await create("outbox_crash");
  }, 60_000);

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await mailServer?.stop();
    await database?.dispose();
    scratch.remove();
  });

  it("keeps every acknowledged change and its notice, and half of nothing", async () => {
    // The mail server is down while the first process runs: no notice can leave before the crash.
    const smtpPort = await freePort();
    const first = await startAppServer(`crash-first-${name}`, database.target, scratch.dir, { ...env, SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });
    servers.push(first);
    const api = apiClient(first.url);
    const accounts = [];
    for (let i = 0; i < ACCOUNTS; i += 1) accounts.push({ ...(await signedUpUser(api)), newPassword: strongPassword() });

    // 20 changes at once; the process is killed as soon as the fifth is acknowledged.
    let acknowledged = 0;
    const outcomes: Outcome[] = await Promise.all(
      accounts.map((account) =>
        api.changePassword({ oldPassword: account.password, newPassword: account.newPassword }, { headers: bearer(account.token) }).then(
          (response) => {
            if (response.status === 200 && ++acknowledged === 5) first.child.kill("SIGKILL");
            return { status: response.status };
          },
          (error: Error) => ({ error: error.message }),
        ),
      ),
    );
    await exited(first);
    const answered = outcomes.filter((outcome) => "status" in outcome);
    expect(answered.every((outcome) => outcome.status === 200), JSON.stringify(outcomes)).toBe(true);
    expect(answered.length).toBeGreaterThanOrEqual(5);
    expect(answered.length, "the crash came after every change had finished: nothing was tested").toBeLessThan(ACCOUNTS);

    mailServer = await startMailServer(mailDir, { port: smtpPort });
    const second = await startAppServer(`crash-second-${name}`, database.target, scratch.dir, { ...env, SMTP_URL: mailServer.url });
    servers.push(second);
    const again = apiClient(second.url);
    for (const [index, account] of accounts.entries()) {
      const withNew = (await again.login({ email: account.email, password: account.newPassword })).status;
      const withOld = (await again.login({ email: account.email, password: account.password })).status;
      const label = `${account.email}: ${JSON.stringify(outcomes[index])}, new ${withNew}, old ${withOld}`;
      if ("status" in outcomes[index]!) expect([withNew, withOld], label).toEqual([200, 401]);
      else expect([withNew, withOld].sort(), label).toEqual([200, 401]);
      // A stored change has its notice, delivered by the new process; a change that never happened has none.
      const expected = withNew === 200 ? 1 : 0;
      expect(await eventually(() => mailCount(mailDir, account.email, CHANGED), (n) => n >= expected, 30_000), label).toBe(expected);
    }
    // Settled: no late notice for a change that never happened, and no notice twice.
    await sleep(1_000);
    for (const account of accounts) {
      const stored = (await again.login({ email: account.email, password: account.newPassword })).status === 200;
      expect(await mailCount(mailDir, account.email, CHANGED), account.email).toBe(stored ? 1 : 0);
    }
  }, 180_000);
});

describe.each(durabilityBackends)("SIGTERM, on $name", ({ name, create }) => {
  const scratch = scratchDir(`sigterm-${name}`);
  const mailDir = `${scratch.dir}/mail`;
  let database: OwnDatabase;
  let mailServer: MailServer;
  let server: AppServer;
  let env: Record<string, string>;
  const servers: AppServer[] = [];

  beforeAll(async () => {
    database = await create("outbox_sigterm");
    mailServer = await startMailServer(mailDir);
    env = { ...quickMailEnv, ...PRODUCTION_HASHING, SMTP_URL: mailServer.url, NEXTAUTH_SECRET: randomBytes(32).toString("hex") };
    server = await startAppServer(`sigterm-${name}`, database.target, scratch.dir, env);
    servers.push(server);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(servers.map((running) => running.stop()));
    await mailServer?.stop();
    await database?.dispose();
    scratch.remove();
  });

  it("finishes the requests in flight, refuses new ones and exits 0; every notice they queued goes out once", async () => {
    const api = apiClient(server.url);
    const accounts = [];
    for (let i = 0; i < 10; i += 1) accounts.push({ ...(await signedUpUser(api)), newPassword: strongPassword() });
    let signalledAt = Number.POSITIVE_INFINITY;
    const outcomes = await Promise.all([
      ...accounts.map((account) =>
        api.changePassword({ oldPassword: account.password, newPassword: account.newPassword }, { headers: bearer(account.token) }).then(
          (response) => ({ status: response.status, at: Date.now() }),
          (error: Error) => ({ error: error.message, at: Date.now() }),
        ),
      ),
      // Once the requests are on their way, short of the ten changes' bcrypt work.
      sleep(200).then(() => {
        signalledAt = Date.now();
        server.child.kill("SIGTERM");
      }),
    ]).then((all) => all.slice(0, accounts.length) as ({ status: number; at: number } | { error: string; at: number })[]);
    const late = await api.request("GET", "/api/health").then((response) => response.status, (error: Error) => error.message);

    expect(await exited(server)).toBe(0);
    expect(late).not.toBe(200);
    const answered = outcomes.filter((outcome) => "status" in outcome);
    expect(answered.every((outcome) => outcome.status === 200), JSON.stringify(outcomes)).toBe(true);
    // Requests the server was working on when the signal came were finished and answered.
    expect(answered.filter((outcome) => outcome.at > signalledAt).length, JSON.stringify(outcomes)).toBeGreaterThan(0);

    // Connections still in the listen queue when it closed got no answer: those changes never happened.
    servers.push(await startAppServer(`sigterm-after-${name}`, database.target, scratch.dir, env));
    const again = apiClient(servers.at(-1)!.url);
    for (const [index, account] of accounts.entries()) {
      const withNew = (await again.login({ email: account.email, password: account.newPassword })).status;
      const label = `${account.email}: ${JSON.stringify(outcomes[index])}, new password ${withNew}`;
      expect(withNew, label).toBe("status" in outcomes[index]! ? 200 : 401);
      // What the sender had not sent before the exit waited in the database for this process.
      const expected = withNew === 200 ? 1 : 0;
      expect(await eventually(() => mailCount(mailDir, account.email, CHANGED), (n) => n >= expected), label).toBe(expected);
    }
    await sleep(1_000);
    for (const account of accounts) expect(await mailCount(mailDir, account.email, CHANGED)).toBeLessThanOrEqual(1);
  }, 90_000);
});
