// For a unit test file that runs on PostgreSQL (a *.postgres.test.ts).
import { inject } from "vitest";

/**
 * The unit suites' own migrated PostgreSQL database (TEST_DATABASE_URL set; .ci/run sets it),
 * made the database this test file's code uses; "" without one (the file's suite then skips).
 * Call it at the top of the file: the database client is made at first use, so this takes effect
 * before any query.
 */
export function useUnitPostgres(): string {
  const url = inject("unitPostgresUrl");
  if (url) process.env.DATABASE_URL = url;
  return url;
}
