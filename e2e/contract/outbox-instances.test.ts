// Two instances on one PostgreSQL drain one backlog of 200 jobs side by side: each mail is sent
// exactly once (the senders' claims use FOR UPDATE SKIP LOCKED), and both take part.
import { randomBytes, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildConfig } from "@/lib/server/config";
import { openRawConnection } from "@/lib/server/db/driver";
import { seal } from "@/lib/server/security/sealed";
import { createSiblingPostgresDatabase } from "@/lib/testing/databases";
import { startAppServer, type AppServer } from "../support/app-server";
import { startMailServer, type MailServer } from "../support/mailbox";
import { eventually, quickMailEnv, scratchDir, sleep } from "./durability-helpers";

const testUrl = process.env.TEST_DATABASE_URL?.trim();
const BACKLOG = 200;

/** How many messages each recipient got, from one read of the mail directory. */
async function receivedBy(dir: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".eml"))) {
    const mail = await simpleParser(readFileSync(path.join(dir, file)));
    for (const field of [mail.to].flat()) {
      for (const { address } of field?.value ?? []) if (address) counts.set(address, (counts.get(address) ?? 0) + 1);
    }
  }
  return counts;
}

describe.runIf(testUrl)("two instances draining one outbox on PostgreSQL", () => {
  const scratch = scratchDir("outbox-instances");
  const mailDir = `${scratch.dir}/mail`;
  const secret = randomBytes(32).toString("hex");
  let database: Awaited<ReturnType<typeof createSiblingPostgresDatabase>>;
  let mailServer: MailServer;
  const servers: AppServer[] = [];
  const recipients = Array.from({ length: BACKLOG }, (_, index) => `backlog-${index}-${randomUUID()}@example.com`);

  beforeAll(async () => {
    database = await createSiblingPostgresDatabase(testUrl!, "outbox_instances");
    if (database.target.kind !== "postgres") throw new Error("unreachable");
    // The backlog a mail outage leaves: due jobs, sealed as the portal seals them.
    const { mailSealKey } = buildConfig({ NEXTAUTH_SECRET: secret, NODE_ENV: "test" });
    const connection = await openRawConnection(database.target);
    try {
      for (const to of recipients) {
        const id = randomUUID();
        const body = seal({ to, subject: "Backlog", text: `for ${to}`, html: "<p>backlog</p>" }, mailSealKey, id);
        await connection.query(`INSERT INTO "MailJob" ("id", "kind", "recipient", "body") VALUES ($1, 'password_changed', $2, $3)`, [id, to, body]);
      }
    } finally {
      await connection.close();
    }
    // 20 ms a message: alone, one instance would need a couple of seconds, so both take part.
    mailServer = await startMailServer(mailDir, { delayMs: 20 });
  }, 60_000);

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await mailServer?.stop();
    await database?.drop();
    scratch.remove();
  });

  it("sends each of 200 backlog jobs exactly once, both instances sending", async () => {
    const env = { ...quickMailEnv, SMTP_URL: mailServer.url, NEXTAUTH_SECRET: secret };
    servers.push(...(await Promise.all(["a", "b"].map((name) => startAppServer(`outbox-instance-${name}`, database.target, scratch.dir, env)))));

    const counts = async () => {
      const received = await receivedBy(mailDir);
      return recipients.map((to) => received.get(to) ?? 0);
    };
    await eventually(counts, (all) => all.every((n) => n >= 1), 60_000);
    await sleep(1_500);
    const final = await counts();
    expect(final.filter((n) => n !== 1)).toEqual([]);

    const sentBy = servers.map((server) => readFileSync(server.logFile, "utf8").split("\n").filter((line) => line.includes('"msg":"mail sent"')).length);
    expect(sentBy.reduce((a, b) => a + b, 0)).toBe(BACKLOG);
    expect(Math.min(...sentBy), `sent per instance: ${sentBy.join(", ")}`).toBeGreaterThan(0);
  }, 120_000);
});
