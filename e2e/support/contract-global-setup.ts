import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ProvidedContext } from "vitest";
import type { TestProject } from "vitest/node";
import { PRODUCTION_HASHING, startAppServer, type AppServer } from "./app-server";
import { freePort } from "./free-port";
import { startMailServer } from "./mailbox";
import { createPgliteDatabase, createPostgresDatabase, type TestDatabase } from "@/lib/testing/databases";
import { connectTestRedis, testRedisUrl, uniqueRedisPrefix } from "@/lib/testing/redis";
import { startUpstashStandIn } from "@/lib/testing/upstash-stand-in";

export interface ContractBackend {
  name: string;
  url: string;
  logFile: string;
}

/** A server with the default rate limits, counting in memory or in Redis. */
export interface LimitsServer {
  store: "memory" | "Redis" | "Upstash REST (local stand-in)";
  url: string;
  logFile: string;
  /** Memory only: tests move the server's clock through this file. */
  clockFile?: string;
}

export interface ClockedServer {
  url: string;
  /** Holds milliseconds the server adds to its clock; tests write it to move time. */
  clockFile: string;
  logFile: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    backends: ContractBackend[];
    /**
     * The same databases served as deployed (PRODUCTION_HASHING), for the suite that times answers:
     * the other servers hash at cost 4, where a skipped bcrypt no longer shows in time.
     */
    timingBackends: ContractBackend[];
    unreachableDatabaseUrl: string;
    mailDir: string;
    /** A server with both legacy reset settings on (reveal unknown emails, no proof needed). */
    legacyResetUrl: string;
    /** PASSWORD_RESET_REQUIRE_PROOF=false alone: unknown emails must still not be revealed. */
    proofNotRequiredUrl: string;
    /** Production with an https APP_URL (served over plain http here): Secure, prefixed cookies. */
    httpsAppUrlServer: string;
    /** A server whose clock the tests move. */
    clockServer: ClockedServer;
    /**
     * The default rate limits, TRUST_PROXY=1 (tests pick their client address with
     * X-Forwarded-For) and a deny list (203.0.113.0/24, 2001:db8::/32): counting in memory with
     * a movable clock, and (TEST_REDIS_URL) counting in Redis.
     */
    limitsServers: LimitsServer[];
    /** Default limits and REDIS_URL pointing at a closed port, per RATE_LIMIT_ON_STORE_FAILURE. */
    redisDownServers: Record<"memory" | "closed", { url: string; logFile: string }>;
    /** Two instances sharing PostgreSQL and Redis, default limits (TEST_REDIS_URL set), else []. */
    instances: string[];
  }
}

export const DENIED_RANGES = "203.0.113.0/24, 2001:db8::/32";

function clockFileIn(dir: string, name: string): string {
  const file = path.join(dir, `${name}-clock-offset-ms`);
  writeFileSync(file, "0");
  return file;
}

/** A movable clock: the production build run as NODE_ENV=test, since production refuses TEST_CLOCK_FILE. */
const movableClockEnv = (file: string) => ({ NODE_ENV: "test", TEST_CLOCK_FILE: file });

/**
 * Starts the production build once per database: always on the embedded PGlite, and also on
 * PostgreSQL (and Redis) when TEST_DATABASE_URL (and TEST_REDIS_URL) are set; CI sets both.
 * Contract tests run against each. Further servers carry the settings some tests need: a closed
 * database port (503), legacy reset settings, a movable clock, the default rate limits, an
 * unreachable Redis, and two instances sharing one PostgreSQL and one Redis.
 */
async function startServers(): Promise<{ provided: ContractContext; stopAll: () => Promise<void> }> {
  const logDir = mkdtempSync(path.join(tmpdir(), "account-portal-logs-"));
  const mailDir = path.join(logDir, "mail");
  const mailServer = await startMailServer(mailDir);
  const mailEnv = { SMTP_URL: mailServer.url, MAIL_FROM: "Account portal <no-reply@portal.test>" };
  const postgresUrl = process.env.TEST_DATABASE_URL?.trim();
  if (testRedisUrl && !postgresUrl) {
    throw new Error("TEST_REDIS_URL is set without TEST_DATABASE_URL: the multi-instance suite needs both (instances cannot share PGlite).");
  }
  // Fails the run now, naming the URL, when TEST_REDIS_URL is set but unreachable.
  const redis = testRedisUrl ? await connectTestRedis(testRedisUrl) : undefined;
  // The UPSTASH_REDIS_REST_* configuration, served by a stand-in in front of the test Redis.
  const upstashToken = "contract-upstash-token";
  const upstash = redis ? await startUpstashStandIn(redis, upstashToken) : undefined;
  // Each group of servers gets its own key prefix: servers with other limits must not share counters.
  const redisEnv = (group: string): Record<string, string> =>
    testRedisUrl ? { REDIS_URL: testRedisUrl, RATE_LIMIT_PREFIX: uniqueRedisPrefix(group) } : {};

  const databases: TestDatabase[] = [];
  const servers: AppServer[] = [];
  const stopAll = async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await mailServer.stop();
    await upstash?.close();
    redis?.disconnect();
    for (const database of databases) database.dispose();
  };
  const pglite = async (label: string) => {
    const database = await createPgliteDatabase(label);
    databases.push(database);
    return database.target;
  };
  const start = async (...args: Parameters<typeof startAppServer>) => {
    const server = await startAppServer(...args);
    servers.push(server);
    return server;
  };

  try {
    const postgres = postgresUrl ? await createPostgresDatabase(postgresUrl) : undefined;
    if (postgres) databases.push(postgres);
    const sharedSecret = randomBytes(32).toString("hex");
    const limitsClock = clockFileIn(logDir, "limits");
    const clock = clockFileIn(logDir, "clock");
    const defaultLimits = { RATE_LIMITS: "", TRUST_PROXY: "1" };
    const instancesRedis = redisEnv("instances");

    // Independent servers start together: each waits mostly for its own boot.
    const limitsEnv = { ...mailEnv, ...defaultLimits, TRAFFIC_DENY: DENIED_RANGES };
    const redisDownEnv = { ...mailEnv, ...defaultLimits, REDIS_URL: "redis://127.0.0.1:9" };
    const httpsPort = await freePort();
    const [embedded, onPostgres, embeddedTiming, onPostgresTiming, unreachable, legacy, proofNotRequired, httpsAppUrl, clocked, limits, limitsOnRedis, limitsOnUpstash, redisDown, redisDownClosed, ...instances] = await Promise.all([
      start("pglite", await pglite("pglite"), logDir, mailEnv),
      // One database, one secret: instance-a and -b share this database, and every instance's mail
      // sender may claim any job in it (bodies are sealed under a key from NEXTAUTH_SECRET).
      postgres ? start("postgres", postgres.target, logDir, { ...mailEnv, ...redisEnv("postgres"), NEXTAUTH_SECRET: sharedSecret }) : undefined,
      start("pglite-timing", await pglite("pglite-timing"), logDir, { ...mailEnv, ...PRODUCTION_HASHING }),
      postgres
        ? start("postgres-timing", postgres.target, logDir, { ...mailEnv, ...redisEnv("postgres-timing"), ...PRODUCTION_HASHING, NEXTAUTH_SECRET: sharedSecret })
        : undefined,
      start("unreachable-database", { kind: "postgres", url: "postgresql://portal@127.0.0.1:9/unreachable" }, logDir),
      start("legacy-reset", await pglite("legacy"), logDir, {
        ...mailEnv,
        PASSWORD_RESET_REVEAL_UNKNOWN_EMAIL: "true",
        PASSWORD_RESET_REQUIRE_PROOF: "false",
      }),
      start("proof-not-required", await pglite("proof-not-required"), logDir, { ...mailEnv, PASSWORD_RESET_REQUIRE_PROOF: "false" }),
      start("https-app-url", await pglite("https-app-url"), logDir, { ...mailEnv, ...PRODUCTION_HASHING, APP_URL: `https://127.0.0.1:${httpsPort}`, ALLOW_INSECURE_HTTP: "" }, httpsPort),
      start("clock", await pglite("clock"), logDir, { ...mailEnv, ...movableClockEnv(clock) }),
      start("limits", await pglite("limits"), logDir, { ...limitsEnv, ...movableClockEnv(limitsClock) }),
      testRedisUrl ? start("limits-redis", await pglite("limits-redis"), logDir, { ...limitsEnv, ...redisEnv("limits") }) : undefined,
      upstash
        ? start("limits-upstash", await pglite("limits-upstash"), logDir, {
            ...limitsEnv,
            UPSTASH_REDIS_REST_URL: upstash.url,
            UPSTASH_REDIS_REST_TOKEN: upstashToken,
            RATE_LIMIT_PREFIX: uniqueRedisPrefix("limits-upstash"),
          })
        : undefined,
      start("redis-down", await pglite("redis-down"), logDir, redisDownEnv),
      start("redis-down-closed", await pglite("redis-down-closed"), logDir, { ...redisDownEnv, RATE_LIMIT_ON_STORE_FAILURE: "closed" }),
      ...(postgres && testRedisUrl
        ? ["instance-a", "instance-b"].map((name) =>
            start(name, postgres.target, logDir, { ...mailEnv, ...instancesRedis, ...defaultLimits, NEXTAUTH_SECRET: sharedSecret }),
          )
        : []),
    ]);

    const asBackends = (servers: Array<AppServer | undefined>): ContractBackend[] =>
      servers
        .filter((server): server is AppServer => server !== undefined)
        .map((server, index) => ({ name: index === 0 ? "pglite" : "postgres", url: server.url, logFile: server.logFile }));
    const provided: ContractContext = {
      backends: asBackends([embedded, onPostgres]),
      timingBackends: asBackends([embeddedTiming, onPostgresTiming]),
      unreachableDatabaseUrl: unreachable.url,
      legacyResetUrl: legacy.url,
      proofNotRequiredUrl: proofNotRequired.url,
      httpsAppUrlServer: httpsAppUrl.url,
      clockServer: { url: clocked.url, clockFile: clock, logFile: clocked.logFile },
      limitsServers: [
      { store: "memory", url: limits.url, clockFile: limitsClock, logFile: limits.logFile },
      ...(limitsOnRedis ? [{ store: "Redis" as const, url: limitsOnRedis.url, logFile: limitsOnRedis.logFile }] : []),
      ...(limitsOnUpstash ? [{ store: "Upstash REST (local stand-in)" as const, url: limitsOnUpstash.url, logFile: limitsOnUpstash.logFile }] : []),
      ],
      redisDownServers: {
        memory: { url: redisDown.url, logFile: redisDown.logFile },
        closed: { url: redisDownClosed.url, logFile: redisDownClosed.logFile },
      },
      instances: instances.filter((server) => server !== undefined).map((server) => server.url),
      mailDir,
    };
    return { provided, stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** What the servers' set-up hands every contract file (vitest's ProvidedContext, declared above). */
type ContractContext = Pick<
  ProvidedContext,
  "backends" | "timingBackends" | "unreachableDatabaseUrl" | "mailDir" | "legacyResetUrl" | "proofNotRequiredUrl" | "httpsAppUrlServer" | "clockServer" | "limitsServers" | "redisDownServers" | "instances"
>;

/**
 * Both contract projects (the files that run side by side, and those that run alone after them)
 * list this set-up; Vitest calls it once per project, in one process. The servers start once, on
 * the first call, and stop after the last project's files.
 */
const shared = globalThis as typeof globalThis & {
  contractServers?: { started: ReturnType<typeof startServers>; projects: number };
};

export default async function setup(project: TestProject) {
  const servers = (shared.contractServers ??= { started: startServers(), projects: 0 });
  servers.projects += 1;
  const { provided, stopAll } = await servers.started;
  for (const name of Object.keys(provided) as Array<keyof ContractContext>) project.provide(name, provided[name]);
  return async () => {
    servers.projects -= 1;
    if (servers.projects === 0) await stopAll();
  };
}
