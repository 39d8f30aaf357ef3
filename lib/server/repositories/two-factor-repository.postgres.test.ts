// The suite on PostgreSQL (TEST_DATABASE_URL; .ci/run sets it), where concurrent uses of one
// code, recovery code or challenge run side by side.
import { describe } from "vitest";
import { useUnitPostgres } from "@/lib/testing/unit-postgres";
import { describeTwoFactorRepository } from "@/lib/testing/two-factor-repository-suite";

const url = useUnitPostgres();

describe.runIf(url)("PostgreSQL", () => describeTwoFactorRepository("PostgreSQL"));
