import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inject } from "vitest";

// Each test file gets its own migrated PGlite directory, so files can run in parallel and
// never see each other's rows. Set before any test module opens the database.
const dataDir = mkdtempSync(path.join(tmpdir(), "account-portal-unit-"));
cpSync(inject("pgliteTemplateDir"), dataDir, { recursive: true });
process.env.PGLITE_DATA_DIR = dataDir;
delete process.env.DATABASE_URL;
// Unit tests get the in-memory rate-limit store and the default policies; the Redis store has
// its own suite (lib/server/rate-limit/store.test.ts).
for (const name of ["REDIS_URL", "UPSTASH_REDIS_REST_URL", "UPSTASH_REDIS_REST_TOKEN", "RATE_LIMITS", "TRAFFIC_DENY", "TRUST_PROXY"]) delete process.env[name];
process.env.BCRYPT_COST ??= "4";
process.env.LOG_LEVEL ??= "silent";
