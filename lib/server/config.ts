// Configuration, read and validated once. A bad value stops start-up with a message naming the
// variable. No "server-only" marker: scripts and the Prisma CLI read the database settings too.
import { createHash, hkdfSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { z } from "zod";
import { parsePolicyOverrides, resolvePolicies } from "./rate-limit/policies";
import { parseDenyList } from "../traffic/deny-list";

const DATA_DIR = path.join(process.cwd(), ".data");
const DEV_SECRET_FILE = path.join(DATA_DIR, "auth-secret");

// Every message says what the setting allows: zod's own ("Invalid input: expected number,
// received NaN") names neither the range nor the choices.

/** A whole number in [min, max]; anything else ("12.5", "0x10", 400 digits) is told the range. */
const integer = (fallback: number, min: number, max: number) => {
  const error = `must be a whole number from ${min} to ${max}`;
  return z
    .string()
    .trim()
    .regex(/^\d+$/, { error })
    .transform(Number)
    .pipe(z.number({ error }).min(min, { error }).max(max, { error }))
    .default(fallback);
};

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(", ")}` });

const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0"], { error: "must be true or false (or 1 or 0)" })
    .default(fallback ? "true" : "false")
    .transform((value) => value === "true" || value === "1");

/**
 * A URL with one of `schemes`. Web addresses must parse; connection strings are checked by scheme
 * only, since their drivers read forms a WHATWG URL does not (`postgres://user@/db?host=/socket`).
 */
function url(schemes: string[], { mustParse = false } = {}) {
  const error = `must be a URL starting with ${schemes.map((scheme) => `${scheme}://`).join(" or ")}`;
  return z.string().refine((text) => {
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1]?.toLowerCase();
    return scheme !== undefined && schemes.includes(scheme) && (!mustParse || URL.canParse(text));
  }, { error });
}

/** A setting read by a parser that throws a message naming what it could not read. */
function parsedWith<T>(parse: (text: string) => T) {
  return z.string().transform((text, ctx) => {
    try {
      return parse(text);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: (error as Error).message });
      return z.NEVER;
    }
  });
}

const settings = z.object({
  NODE_ENV: oneOf(["development", "production", "test"]).default("development"),
  PORT: integer(9000, 1, 65535),
  /** Interface to listen on; unset, 127.0.0.1 in development and every interface in production (server.ts). */
  HOST: z.string().optional(),
  APP_URL: url(["http", "https"], { mustParse: true }).optional(),
  /** The name authenticator apps list the account under (the otpauth URI's issuer). */
  PORTAL_NAME: z
    .string()
    .trim()
    .refine((name) => /^[^\u0000-\u001f\u007f:]{1,64}$/.test(name), { error: "must be 1 to 64 characters, with no ':' or control character" })
    .default("Account portal"),
  NEXTAUTH_SECRET: z.string().min(32, { error: "must be at least 32 characters" }).optional(),
  DATABASE_URL: url(["postgres", "postgresql"]).optional(),
  PGLITE_DATA_DIR: z.string().optional(),
  BCRYPT_COST: integer(12, 4, 20),
  /** Hashes that may wait for a core; past it, 503 at once. 64 per core: ~16 s of waiting at cost 12 (~250 ms a hash). */
  BCRYPT_MAX_QUEUE: integer(64 * availableParallelism(), 0, 10_000),
  BROWSER_SESSION_DAYS: integer(30, 1, 365),
  API_TOKEN_HOURS: integer(24, 1, 24 * 90),
  API_TOKEN_MAX_DAYS: integer(30, 1, 365),
  SMTP_URL: url(["smtp", "smtps"]).optional(),
  MAIL_FROM: z
    .string()
    .regex(/@/, { error: "must be a sender, e.g. Account portal <no-reply@example.com>" })
    .default("Account portal <no-reply@localhost>"),
  /** Sends of one job before it is given up; 12 with the schedule below span about five hours. */
  MAIL_MAX_ATTEMPTS: integer(12, 1, 100),
  /** The first retry's delay, doubled per attempt up to an hour; at most 30 s, as promised to operators. */
  MAIL_RETRY_BASE_MS: integer(30_000, 100, 30_000),
  /** Each phase of an SMTP conversation (connect, greeting, each reply) may take this long. */
  SMTP_TIMEOUT_MS: integer(10_000, 100, 120_000),
  /** SIGTERM: how long in-flight requests and the mail job in hand may take before the process exits. */
  SHUTDOWN_TIMEOUT_MS: integer(10_000, 0, 120_000),
  PASSWORD_RESET_REVEAL_UNKNOWN_EMAIL: flag(false),
  PASSWORD_RESET_REQUIRE_PROOF: flag(true),
  REQUIRE_VERIFIED_EMAIL: flag(false),
  TEST_CLOCK_FILE: z.string().optional(),
  ALLOW_INSECURE_HTTP: flag(false),
  TRUST_PROXY: integer(0, 0, 10),
  TRAFFIC_DENY: parsedWith(parseDenyList).default(parseDenyList("")),
  TRAFFIC_BAN_MINUTES: integer(15, 1, 24 * 60),
  RATE_LIMIT_IPV6_PREFIX: integer(64, 16, 128),
  RATE_LIMITS: parsedWith(parsePolicyOverrides).default({}),
  REDIS_URL: url(["redis", "rediss"]).optional(),
  UPSTASH_REDIS_REST_URL: url(["http", "https"], { mustParse: true }).optional(),
  UPSTASH_REDIS_REST_TOKEN: z.string().optional(),
  RATE_LIMIT_PREFIX: z.string().regex(/^[\w:.-]+$/, { error: "must be letters, digits and _ : . - only" }).default("account-portal"),
  RATE_LIMIT_ON_STORE_FAILURE: oneOf(["memory", "closed"]).default("memory"),
  RATE_LIMIT_STORE_TIMEOUT_MS: integer(500, 10, 10_000),
  /** Zitadel's `resourceOwner` in seed 003's answers; unset, a number derived from APP_URL. */
  RESOURCE_OWNER_ID: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "must be 1 to 64 letters, digits, _ or -" })
    .optional(),
  LOG_LEVEL: oneOf(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

/** Every variable the portal reads (docs/operations.md's settings table has a row for each). */
export const SETTING_NAMES = Object.keys(settings.shape) as (keyof typeof settings.shape)[];

const envSchema = settings
  .superRefine((env, ctx) => {
    if (env.UPSTASH_REDIS_REST_URL && !env.UPSTASH_REDIS_REST_TOKEN) {
      ctx.addIssue({ code: "custom", path: ["UPSTASH_REDIS_REST_TOKEN"], message: "is required with UPSTASH_REDIS_REST_URL" });
    }
    if (env.UPSTASH_REDIS_REST_URL && env.REDIS_URL) {
      ctx.addIssue({ code: "custom", path: ["REDIS_URL"], message: "set either REDIS_URL or UPSTASH_REDIS_REST_URL, not both" });
    }
    if (env.NODE_ENV !== "production") return;
    if (env.TEST_CLOCK_FILE) {
      // Whoever could write that file would move code expiry, token lifetimes and rate-limit windows.
      ctx.addIssue({ code: "custom", path: ["TEST_CLOCK_FILE"], message: "is for tests only and refused in production (unset it)" });
    }
    if (!env.APP_URL?.startsWith("https://") && !env.ALLOW_INSECURE_HTTP) {
      ctx.addIssue({
        code: "custom",
        path: ["APP_URL"],
        message: "must be an https:// URL in production (cookies are Secure only on https); set ALLOW_INSECURE_HTTP=true for a local trial over http",
      });
    }
    if (!env.NEXTAUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: "is required in production" });
    }
    if (env.BCRYPT_COST < 10) {
      ctx.addIssue({ code: "custom", path: ["BCRYPT_COST"], message: "must be at least 10 in production" });
    }
  });

export type Config = ReturnType<typeof buildConfig>;

export class ConfigError extends Error {}

export function parseEnv(env: NodeJS.ProcessEnv) {
  // Empty strings count as unset, as they do in most .env tooling.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

/**
 * The first step of every entry point (the migration step, server.ts, the instrumentation hook):
 * a bad setting prints the configuration's own message, naming the variable and what it allows,
 * and exits before anything opens a database.
 */
export function readOrExit<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** Development keeps one generated secret under .data/ so sessions survive a restart. */
function developmentSecret(): string {
  if (existsSync(DEV_SECRET_FILE)) return readFileSync(DEV_SECRET_FILE, "utf8").trim();
  mkdirSync(DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(DEV_SECRET_FILE, secret, { mode: 0o600, flag: "wx" });
  return secret;
}

/**
 * A stable id for this deployment in Zitadel's style (a decimal number): the same for every
 * instance behind one APP_URL and across restarts, different between deployments.
 */
function resourceOwnerFor(appUrl: string): string {
  return BigInt(`0x${createHash("sha256").update(appUrl).digest("hex").slice(0, 15)}`).toString();
}

export function buildConfig(env: NodeJS.ProcessEnv) {
  const parsed = parseEnv(env);
  const isProduction = parsed.NODE_ENV === "production";
  const appUrl = new URL(parsed.APP_URL ?? `http://localhost:${parsed.PORT}`).origin;
  const authSecret = parsed.NEXTAUTH_SECRET ?? developmentSecret();
  return {
    isProduction,
    /** `npm run dev`: the outbox page and the console's reset codes exist only here (not in NODE_ENV=test). */
    isDevelopment: parsed.NODE_ENV === "development",
    appUrl,
    authSecret,
    /** Keys the hashes of reset codes and tokens; derived, so there is one secret to manage. */
    resetHashKey: Buffer.from(hkdfSync("sha256", authSecret, "", "account-portal password reset", 32)),
    /** Seals mail bodies in the outbox (reset mail holds codes and link tokens). */
    mailSealKey: Buffer.from(hkdfSync("sha256", authSecret, "", "account-portal mail outbox", 32)),
    /** Seals authenticator-app secrets at rest (lib/server/security/totp.ts). */
    totpSealKey: Buffer.from(hkdfSync("sha256", authSecret, "", "account-portal totp secret", 32)),
    /** Keys the digests of recovery codes and sign-in challenges (lib/server/security/second-factor-secrets.ts). */
    secondFactorHashKey: Buffer.from(hkdfSync("sha256", authSecret, "", "account-portal second factor", 32)),
    /** Signs device cookies (lib/server/auth/device-cookie.ts). */
    deviceCookieKey: Buffer.from(hkdfSync("sha256", authSecret, "", "account-portal device cookie", 32)),
    bcryptCost: parsed.BCRYPT_COST,
    bcryptMaxQueue: parsed.BCRYPT_MAX_QUEUE,
    browserSessionMs: parsed.BROWSER_SESSION_DAYS * 24 * 60 * 60 * 1000,
    apiTokenMs: parsed.API_TOKEN_HOURS * 60 * 60 * 1000,
    /** Absolute lifetime of an API token from its sign-in; rotation never extends it. */
    apiTokenMaxMs: parsed.API_TOKEN_MAX_DAYS * 24 * 60 * 60 * 1000,
    logLevel: parsed.LOG_LEVEL,
    smtpUrl: parsed.SMTP_URL,
    mailFrom: parsed.MAIL_FROM,
    portalName: parsed.PORTAL_NAME,
    outboxDir: path.join(DATA_DIR, "outbox"),
    mailMaxAttempts: parsed.MAIL_MAX_ATTEMPTS,
    mailRetryBaseMs: parsed.MAIL_RETRY_BASE_MS,
    smtpTimeoutMs: parsed.SMTP_TIMEOUT_MS,
    shutdownTimeoutMs: parsed.SHUTDOWN_TIMEOUT_MS,
    /** Legacy gateway behaviour: 404 NO_ACCOUNT for unknown emails (enumerable). */
    resetRevealsUnknownEmail: parsed.PASSWORD_RESET_REVEAL_UNKNOWN_EMAIL,
    /** Safe default: completing a reset needs the confirmation cookie or the code/token. */
    resetRequiresProof: parsed.PASSWORD_RESET_REQUIRE_PROOF,
    /** An unverified account's sessions may only verify, change the address, sign out or leave. */
    requireVerifiedEmail: parsed.REQUIRE_VERIFIED_EMAIL,
    testClockFile: parsed.TEST_CLOCK_FILE,
    trafficDeny: parsed.TRAFFIC_DENY,
    banMs: parsed.TRAFFIC_BAN_MINUTES * 60 * 1000,
    /** IPv6 clients are counted by this prefix (see lib/traffic/address-group.ts). */
    ipv6PrefixBits: parsed.RATE_LIMIT_IPV6_PREFIX,
    rateLimitPolicies: resolvePolicies(parsed.RATE_LIMITS),
    rateLimitStore: {
      redisUrl: parsed.REDIS_URL,
      upstash: parsed.UPSTASH_REDIS_REST_URL ? { url: parsed.UPSTASH_REDIS_REST_URL, token: parsed.UPSTASH_REDIS_REST_TOKEN! } : undefined,
      prefix: parsed.RATE_LIMIT_PREFIX,
      onFailure: parsed.RATE_LIMIT_ON_STORE_FAILURE,
      timeoutMs: parsed.RATE_LIMIT_STORE_TIMEOUT_MS,
    },
    resourceOwnerId: parsed.RESOURCE_OWNER_ID ?? resourceOwnerFor(appUrl),
    /** Cookies are Secure (and __Host-/__Secure- prefixed) exactly when the site is https. */
    secureCookies: appUrl.startsWith("https://"),
  };
}

let cached: Config | undefined;

export function config(): Config {
  if (!cached) {
    cached = buildConfig(process.env);
    // next-auth reads its base URL from here on every request.
    process.env.NEXTAUTH_URL ??= cached.appUrl;
  }
  return cached;
}
