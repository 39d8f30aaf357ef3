import "server-only";
import { PrismaClient } from "./generated/client";
import { createDriverAdapter, databaseTarget, describeTarget } from "./driver";
import { logger } from "../log";

export type Database = PrismaClient;

// One client per process, kept on globalThis so that dev-mode module reloading never opens a
// second PGlite on the same data directory (PGlite belongs to one owner at a time).
const holder = globalThis as typeof globalThis & { __accountPortalDb?: PrismaClient };

/** The process's database client, created on first use (never at import or build time). */
export function database(): PrismaClient {
  if (!holder.__accountPortalDb) {
    const target = databaseTarget();
    logger().info({ database: describeTarget(target) }, "database client created");
    holder.__accountPortalDb = new PrismaClient({ adapter: createDriverAdapter(target) });
  }
  return holder.__accountPortalDb;
}

/** What repositories need: the whole client, or the client of one transaction. */
export type DbClient = Pick<
  PrismaClient,
  "user" | "session" | "securityEvent" | "passwordReset" | "apiKey" | "mailJob" | "emailChallenge" | "totpCredential" | "recoveryCode" | "signInChallenge" | "$queryRaw"
>;

/** Runs `work` in one interactive transaction: all of its writes happen, or none. */
export function inTransaction<T>(work: (tx: DbClient) => Promise<T>): Promise<T> {
  return database().$transaction((tx) => work(tx));
}
