// Races set up, not hoped for, on PostgreSQL: a second connection holds a row in an open
// transaction, the code under test is started and seen waiting for that lock, then the other
// connection's write commits. PGlite runs one query at a time, so there nothing ever waits.
import pg from "pg";
import { afterAll, beforeAll } from "vitest";

export interface RowLockRace {
  /** The second connection: run the competing write on it inside `race`'s open transaction. */
  other(): pg.Client;
  /**
   * Runs `hold` in an open transaction on the other connection, starts `race`, and commits once a
   * statement like `statement` (a LIKE pattern) waits for that connection; then settles `race`.
   */
  race<T>(hold: () => Promise<unknown>, race: () => Promise<T>, statement: string): Promise<{ value: T } | { error: unknown }>;
}

/** For a describe block on PostgreSQL at `url`: opens the other connection before its tests. */
export function rowLockRace(url: string): RowLockRace {
  let other: pg.Client;
  beforeAll(async () => {
    other = new pg.Client({ connectionString: url });
    await other.connect();
  });
  afterAll(() => other?.end());

  /**
   * Resolves once a statement like `statement` is blocked by the other connection. Only that
   * connection's lock counts: the contract suites run the same statements on this server at the
   * same time, and their waits must not pass for this test's.
   */
  async function waitingFor(statement: string) {
    for (let polls = 0; polls < 1000; polls += 1) {
      // Inside a transaction PostgreSQL keeps the first statistics snapshot unless told to drop it.
      await other.query("SELECT pg_stat_clear_snapshot()");
      const { rows } = await other.query(
        `SELECT 1 FROM pg_stat_activity
         WHERE datname = current_database() AND pg_backend_pid() = ANY (pg_blocking_pids(pid)) AND query LIKE $1`,
        [statement],
      );
      if (rows.length) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`no statement like ${statement} ever waited for the held row`);
  }

  return {
    other: () => other,
    async race(hold, race, statement) {
      await other.query("BEGIN");
      try {
        await hold();
        const raced = race();
        raced.catch(() => {});
        await waitingFor(statement);
        await other.query("COMMIT");
        return await raced.then((value) => ({ value }), (error: unknown) => ({ error }));
      } catch (error) {
        await other.query("ROLLBACK");
        throw error;
      }
    },
  };
}
