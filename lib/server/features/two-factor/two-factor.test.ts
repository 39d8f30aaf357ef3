// On the unit tests' embedded database (its PostgreSQL twin: two-factor.postgres.test.ts).
import { describeTwoFactorServices } from "@/lib/testing/two-factor-service-suite";

describeTwoFactorServices("PGlite");
