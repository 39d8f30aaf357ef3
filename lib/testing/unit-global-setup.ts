import type { TestProject } from "vitest/node";
import { openRawConnection } from "@/lib/server/db/driver";
import { createPgliteDatabase, createPostgresDatabase } from "./databases";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplateDir: string;
    /** A migrated PostgreSQL database of the unit suites' own (TEST_DATABASE_URL set), else "". */
    unitPostgresUrl: string;
  }
}

/**
 * A database of its own beside TEST_DATABASE_URL's, on the same server: the contract suite
 * empties that one, and both suites may run at once.
 */
async function unitPostgresDatabase(testUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = new URL(testUrl);
  const name = `${server.pathname.slice(1) || "postgres"}_unit`;
  const asAdmin = async (sql: string) => {
    const admin = await openRawConnection({ kind: "postgres", url: testUrl }).catch((error: Error) => {
      throw new Error(`TEST_DATABASE_URL is set but unreachable: ${error.message}`);
    });
    try {
      await admin.exec(sql);
    } finally {
      await admin.close();
    }
  };
  await asAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await asAdmin(`CREATE DATABASE "${name}"`);
  server.pathname = `/${name}`;
  await createPostgresDatabase(server.toString());
  return { url: server.toString(), drop: () => asAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/**
 * Migrates one PGlite directory; every test file starts from a copy of it (see unit-setup.ts).
 * With TEST_DATABASE_URL, also a PostgreSQL database for the concurrency suites that must run on
 * a server whose queries run side by side (PGlite runs one at a time and hides races).
 */
export default async function setup(project: TestProject) {
  const template = await createPgliteDatabase("template");
  if (template.target.kind !== "pglite") throw new Error("unreachable");
  project.provide("pgliteTemplateDir", template.target.dataDir);
  const testUrl = process.env.TEST_DATABASE_URL?.trim();
  const postgres = testUrl ? await unitPostgresDatabase(testUrl) : undefined;
  project.provide("unitPostgresUrl", postgres?.url ?? "");
  return async () => {
    template.dispose();
    await postgres?.drop();
  };
}
