// The raw reads on PostgreSQL through adapter-pg (TEST_DATABASE_URL; .ci/run sets it), in a time
// zone far from UTC.
import { describe } from "vitest";
import { useUnitPostgres } from "@/lib/testing/unit-postgres";
import { describeRawReads, FAR_FROM_UTC } from "@/lib/testing/raw-reads";

process.env.TZ = FAR_FROM_UTC;
const url = useUnitPostgres();

describe.runIf(url)("PostgreSQL", () => describeRawReads("PostgreSQL"));
