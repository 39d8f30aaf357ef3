// The same suite on PostgreSQL (TEST_DATABASE_URL; .ci/run sets it), where queries run side by
// side: the races PGlite's one-at-a-time execution hides show here.
import { describe } from "vitest";
import { useUnitPostgres } from "@/lib/testing/unit-postgres";
import { resetCodeRaceSuite } from "@/lib/testing/reset-code-race";

const url = useUnitPostgres();

describe.runIf(url)("the reset-code lock under concurrency, on PostgreSQL", resetCodeRaceSuite);
