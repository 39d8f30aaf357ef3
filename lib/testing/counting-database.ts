// A database client for unit tests that records every SQL statement Prisma sends, at the driver
// adapter, so a test can compare the database work of two requests statement by statement.
import type { SqlDriverAdapter, SqlQueryable, Transaction } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "@/lib/server/db/generated/client";
import { createDriverAdapter, databaseTarget } from "@/lib/server/db/driver";

export interface StatementLog {
  /** What `work` returned, and the statements (SQL text, parameters left out) sent while it ran. */
  during<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }>;
}

function recorded<Q extends SqlQueryable>(queryable: Q, sink: () => string[] | null): Q {
  const queryRaw = queryable.queryRaw.bind(queryable);
  const executeRaw = queryable.executeRaw.bind(queryable);
  queryable.queryRaw = (query) => (sink()?.push(query.sql), queryRaw(query));
  queryable.executeRaw = (query) => (sink()?.push(query.sql), executeRaw(query));
  return queryable;
}

/**
 * Makes the process's database client (lib/server/db/client.ts) one whose statements are
 * recorded. Call before anything in the test file touches the database.
 */
export function useCountingDatabase(): StatementLog {
  let current: string[] | null = null;
  const sink = () => current;
  const factory = createDriverAdapter(databaseTarget());
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter: SqlDriverAdapter = recorded(await connect(), sink);
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const transaction: Transaction = recorded(await startTransaction(isolationLevel), sink);
      sink()?.push("BEGIN");
      const commit = transaction.commit.bind(transaction);
      transaction.commit = () => (sink()?.push("COMMIT"), commit());
      return transaction;
    };
    return adapter;
  };
  (globalThis as { __accountPortalDb?: PrismaClient }).__accountPortalDb = new PrismaClient({ adapter: factory });
  return {
    async during(work) {
      const statements: string[] = [];
      current = statements;
      try {
        return { result: await work(), statements };
      } finally {
        current = null;
      }
    },
  };
}
