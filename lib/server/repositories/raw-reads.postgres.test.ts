// The raw reads on PostgreSQL through adapter-pg (TEST_DATABASE_URL; .ci/run sets it), in a time
// zone far from UTC.
import { describe, inject } from "vitest";
import { describeRawReads, FAR_FROM_UTC } from "./raw-reads.cases";

process.env.TZ = FAR_FROM_UTC;
const url = inject("unitPostgresUrl");
// The database client is made at first use, so this takes effect before any query.
if (url) process.env.DATABASE_URL = url;

describe.runIf(url)("PostgreSQL", () => describeRawReads("PostgreSQL"));
