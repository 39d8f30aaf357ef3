// The same suite on PostgreSQL (TEST_DATABASE_URL; .ci/run sets it), where queries run side by
// side: the races PGlite's one-at-a-time execution hides show here.
import { describe, inject } from "vitest";
import { resetCodeRaceSuite } from "@/lib/testing/reset-code-race";

const url = inject("unitPostgresUrl");
// The database client is made at first use, so this takes effect before any query.
if (url) process.env.DATABASE_URL = url;

describe.runIf(url)("the reset-code lock under concurrency, on PostgreSQL", resetCodeRaceSuite);
