// On PostgreSQL (TEST_DATABASE_URL; .ci/run sets it), where answers given at once run side by side.
import { describe } from "vitest";
import { useUnitPostgres } from "@/lib/testing/unit-postgres";
import { describeTwoFactorServices } from "@/lib/testing/two-factor-service-suite";

const url = useUnitPostgres();

describe.runIf(url)("PostgreSQL", () => describeTwoFactorServices("PostgreSQL"));
