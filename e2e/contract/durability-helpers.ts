// Shared by the suites that break things on purpose (mail server down or hanging, kill -9,
// SIGTERM, two instances, a database outage): each starts servers of its own so it can break them.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DatabaseTarget } from "@/lib/server/db/driver";
import { createPgliteDatabase, createSiblingPostgresDatabase } from "@/lib/testing/databases";
import { findMail } from "../support/mailbox";

export interface OwnDatabase {
  target: DatabaseTarget;
  dispose(): Promise<void>;
}

/** The databases these suites run on: an embedded PGlite always, PostgreSQL with TEST_DATABASE_URL. */
export const durabilityBackends: { name: string; create(suffix: string): Promise<OwnDatabase> }[] = [
  {
    name: "pglite",
    create: async (suffix) => {
      const database = await createPgliteDatabase(suffix);
      return { target: database.target, dispose: async () => database.dispose() };
    },
  },
  ...(process.env.TEST_DATABASE_URL?.trim()
    ? [
        {
          name: "postgres",
          create: async (suffix: string) => {
            const database = await createSiblingPostgresDatabase(process.env.TEST_DATABASE_URL!.trim(), suffix);
            return { target: database.target, dispose: () => database.drop() };
          },
        },
      ]
    : []),
];

/** Fast retries and short SMTP time limits, so an outage and its recovery take seconds. */
export const quickMailEnv = {
  MAIL_FROM: "Account portal <no-reply@portal.test>",
  MAIL_RETRY_BASE_MS: "300",
  SMTP_TIMEOUT_MS: "1000",
};

export function scratchDir(label: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), `account-portal-${label}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** How many messages `to` received with `subject`. */
export async function mailCount(dir: string, to: string, subject: string): Promise<number> {
  return (await findMail(dir, { to, subject })).length;
}

/** Polls `read` until `done` says so or `ms` pass; returns the last value either way. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
