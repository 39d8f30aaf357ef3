// Chooses the database driver once, from configuration: a PostgreSQL server through
// @prisma/adapter-pg when DATABASE_URL is set, the embedded PGlite otherwise.
// No "server-only" marker: the Prisma CLI (prisma.config.ts) and the test helpers load it too.
import { ColumnTypeEnum, type SqlMigrationAwareDriverAdapterFactory, type SqlQueryable, type SqlResultSet } from "@prisma/driver-adapter-utils";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { SqlRunner } from "./migrate";

export type PGliteTarget = { kind: "pglite"; dataDir: string };

export type DatabaseTarget = { kind: "postgres"; url: string } | PGliteTarget;

const PG_TYPE_NAME = 19;
const PG_TYPE_TEXT = 25;

/**
 * prisma/orm#27403: the WebAssembly schema engine cannot decode PostgreSQL's catalog type `name`
 * (OID 19), which its migration queries select. `name` is text on the wire, so relabelling the
 * column as `text` is lossless.
 */
class CatalogNameAsTextPool extends pg.Pool {
  // pg's overloads make a faithful override signature unwieldy; the shim only post-processes.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = (super.query as any)(...args);
    if (!(result instanceof Promise)) return result;
    return result.then((res: pg.QueryResult) => {
      for (const field of res?.fields ?? []) {
        if (field.dataTypeID === PG_TYPE_NAME) field.dataTypeID = PG_TYPE_TEXT;
      }
      return res;
    });
  }
}

export function databaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) return { kind: "postgres", url };
  const dataDir = env.PGLITE_DATA_DIR?.trim() || path.join(process.cwd(), ".data", "pglite");
  return { kind: "pglite", dataDir };
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "pglite") return `PGlite at ${target.dataDir}`;
  const url = new URL(target.url);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

export function createDriverAdapter(target: DatabaseTarget): SqlMigrationAwareDriverAdapterFactory {
  if (target.kind === "postgres") {
    const pool = new CatalogNameAsTextPool({
      connectionString: target.url,
      // Fail fast so an unreachable server becomes a 503, not a hung request.
      connectionTimeoutMillis: 5_000,
      max: 10,
    });
    return new PrismaPg(pool);
  }
  return new LazyPGliteFactory(target.dataDir);
}

/** PGlite's `memory://`: a database that lives and dies with the object holding it. */
export function isInMemory(target: DatabaseTarget): target is PGliteTarget {
  return target.kind === "pglite" && target.dataDir.startsWith("memory://");
}

/** PGlite on `dataDir`, creating the directory first unless it is in memory. */
function openPGlite(dataDir: string): PGlite {
  if (!isInMemory({ kind: "pglite", dataDir })) mkdirSync(dataDir, { recursive: true });
  return new PGlite(dataDir);
}

// The server migrates an in-memory database before serving (server.ts) and Prisma must then use
// that very instance, not open a new, empty one. Kept on globalThis: server.ts and Next's bundle
// each load their own copy of this module.
const served = globalThis as typeof globalThis & { __accountPortalInMemoryDb?: Map<string, PGlite> };

/** Opens the in-memory database this process serves from; Prisma's connections will share it. */
export function openServedInMemoryDatabase(target: PGliteTarget): SqlRunner {
  const pglite = new PGlite(target.dataDir);
  (served.__accountPortalInMemoryDb ??= new Map()).set(target.dataDir, pglite);
  return runnerOf(pglite);
}

function runnerOf(pglite: PGlite): SqlRunner {
  return {
    query: async <T>(sql: string, params?: unknown[]) => ({ rows: (await pglite.query<T>(sql, params)).rows }),
    exec: (script: string) => pglite.exec(script),
  };
}

/**
 * Opens PGlite at the first connection, not when the factory is made. The Prisma CLI makes the
 * factory even for commands that never query (`prisma -v`, run by @prisma/client's postinstall),
 * and a PGlite opened on a directory keeps the process alive: `npm install` would never end.
 */
class LazyPGliteFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName = "pglite-prisma-adapter";

  constructor(private readonly dataDir: string) {}

  async connect() {
    const pglite = served.__accountPortalInMemoryDb?.get(this.dataDir) ?? openPGlite(this.dataDir);
    const adapter = timestampsMarkedUtc(await new PrismaPGlite(pglite).connect());
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => timestampsMarkedUtc(await startTransaction(isolationLevel));
    return adapter;
  }

  connectToShadowDb() {
    return new PrismaPGlite(new PGlite("memory://")).connectToShadowDb();
  }
}

/** Ends in a zone: `Z`, or an offset such as `+00`, `-05:00`. */
const ZONED = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/;

/**
 * pglite-prisma-adapter 0.6.1 hands Prisma a `timestamp` as text without a zone
 * ("2026-07-01 12:34:56.789"), and Prisma parses a raw query's DateTime text with `new Date()`,
 * in the process's local time zone: outside TZ=UTC every `$queryRaw` timestamp was off by the
 * offset. The columns hold UTC (every write stores UTC), so this marks them so, as adapter-pg does
 * ("2026-07-01T12:34:56.789+00:00"): both drivers then give Prisma the same text.
 */
function timestampsMarkedUtc<Q extends SqlQueryable>(queryable: Q): Q {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => markUtc(await queryRaw(query));
  return queryable;
}

const asUtc = (text: unknown) => (typeof text === "string" && !ZONED.test(text) ? `${text.replace(" ", "T")}+00:00` : text);

function markUtc(result: SqlResultSet): SqlResultSet {
  result.columnTypes.forEach((type, column) => {
    if (type !== ColumnTypeEnum.DateTime && type !== ColumnTypeEnum.DateTimeArray) return;
    for (const row of result.rows) {
      const value = row[column];
      row[column] = Array.isArray(value) ? value.map(asUtc) : asUtc(value);
    }
  });
  return result;
}

export interface RawConnection extends SqlRunner {
  close(): Promise<void>;
}

/** A plain connection without Prisma, for migrations and test set-up. */
export async function openRawConnection(target: DatabaseTarget): Promise<RawConnection> {
  if (target.kind === "postgres") {
    const client = new pg.Client({ connectionString: target.url, connectionTimeoutMillis: 5_000 });
    await client.connect();
    return {
      query: async <T>(sql: string, params?: unknown[]) => ({ rows: (await client.query(sql, params)).rows as T[] }),
      exec: (script: string) => client.query(script),
      close: () => client.end(),
    };
  }
  const pglite = openPGlite(target.dataDir);
  return { ...runnerOf(pglite), close: () => pglite.close() };
}
