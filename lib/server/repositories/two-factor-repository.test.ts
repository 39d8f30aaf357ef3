// The suite on the unit tests' embedded database (its PostgreSQL twin: *.postgres.test.ts).
import { describeTwoFactorRepository } from "@/lib/testing/two-factor-repository-suite";

describeTwoFactorRepository("PGlite");
