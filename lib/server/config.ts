// Configuration, read and validated once. A bad value stops start-up with a message naming the
// variable. No "server-only" marker: scripts and the Prisma CLI read the database settings too.
import { hkdfSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parsePolicyOverrides, resolvePolicies } from "./rate-limit/policies";
import { parseDenyList } from "../traffic/deny-list";

const DATA_DIR = path.join(process.cwd(), ".data");
const DEV_SECRET_FILE = path.join(DATA_DIR, "auth-secret");

const integer = (fallback: number) => z.coerce.number().int().default(fallback);
const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0"], { error: "must be true or false" })
    .default(fallback ? "true" : "false")
    .transform((value) => value === "true" || value === "1");

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

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: integer(9000).pipe(z.number().min(1).max(65535)),
    /** Interface to listen on; unset, every interface. */
    HOST: z.string().min(1).optional(),
    APP_URL: z.url({ protocol: /^https?$/ }).optional(),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
    PGLITE_DATA_DIR: z.string().optional(),
    BCRYPT_COST: integer(12).pipe(z.number().min(4).max(20)),
    BROWSER_SESSION_DAYS: integer(30).pipe(z.number().min(1).max(365)),
    API_TOKEN_HOURS: integer(24).pipe(z.number().min(1).max(24 * 90)),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
      .optional(),
    MAIL_FROM: z.string().min(3).default("Account portal <no-reply@localhost>"),
    PASSWORD_RESET_REVEAL_UNKNOWN_EMAIL: flag(false),
    PASSWORD_RESET_REQUIRE_PROOF: flag(true),
    TEST_CLOCK_FILE: z.string().optional(),
    TRUST_PROXY: integer(0).pipe(z.number().min(0).max(10)),
    TRAFFIC_DENY: parsedWith(parseDenyList).default(parseDenyList("")),
    TRAFFIC_BAN_MINUTES: integer(15).pipe(z.number().min(1).max(24 * 60)),
    RATE_LIMITS: parsedWith(parsePolicyOverrides).default({}),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
      .optional(),
    UPSTASH_REDIS_REST_URL: z.url({ protocol: /^https?$/ }).optional(),
    UPSTASH_REDIS_REST_TOKEN: z.string().min(1).optional(),
    RATE_LIMIT_PREFIX: z.string().regex(/^[\w:.-]+$/, "letters, digits and _ : . - only").default("account-portal"),
    RATE_LIMIT_ON_STORE_FAILURE: z.enum(["memory", "closed"]).default("memory"),
    RATE_LIMIT_STORE_TIMEOUT_MS: integer(500).pipe(z.number().min(10).max(10_000)),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .superRefine((env, ctx) => {
    if (env.UPSTASH_REDIS_REST_URL && !env.UPSTASH_REDIS_REST_TOKEN) {
      ctx.addIssue({ code: "custom", path: ["UPSTASH_REDIS_REST_TOKEN"], message: "is required with UPSTASH_REDIS_REST_URL" });
    }
    if (env.UPSTASH_REDIS_REST_URL && env.REDIS_URL) {
      ctx.addIssue({ code: "custom", path: ["REDIS_URL"], message: "set either REDIS_URL or UPSTASH_REDIS_REST_URL, not both" });
    }
    if (env.NODE_ENV !== "production") return;
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

/** Development keeps one generated secret under .data/ so sessions survive a restart. */
function developmentSecret(): string {
  if (existsSync(DEV_SECRET_FILE)) return readFileSync(DEV_SECRET_FILE, "utf8").trim();
  mkdirSync(DATA_DIR, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(DEV_SECRET_FILE, secret, { mode: 0o600, flag: "wx" });
  return secret;
}

export function buildConfig(env: NodeJS.ProcessEnv) {
  const parsed = parseEnv(env);
  const isProduction = parsed.NODE_ENV === "production";
  const appUrl = new URL(parsed.APP_URL ?? `http://localhost:${parsed.PORT}`).origin;
  const authSecret = parsed.NEXTAUTH_SECRET ?? developmentSecret();
  return {
    isProduction,
    appUrl,
    authSecret,
    /** Keys the hashes of reset codes and tokens; derived, so there is one secret to manage. */
    resetHashKey: Buffer.from(hkdfSync("sha256", authSecret, "", "account-portal password reset", 32)),
    bcryptCost: parsed.BCRYPT_COST,
    browserSessionMs: parsed.BROWSER_SESSION_DAYS * 24 * 60 * 60 * 1000,
    apiTokenMs: parsed.API_TOKEN_HOURS * 60 * 60 * 1000,
    logLevel: parsed.LOG_LEVEL,
    smtpUrl: parsed.SMTP_URL,
    mailFrom: parsed.MAIL_FROM,
    outboxDir: path.join(DATA_DIR, "outbox"),
    /** Legacy gateway behaviour: 404 NO_ACCOUNT for unknown emails (enumerable). */
    resetRevealsUnknownEmail: parsed.PASSWORD_RESET_REVEAL_UNKNOWN_EMAIL,
    /** Safe default: completing a reset needs the confirmation cookie or the code/token. */
    resetRequiresProof: parsed.PASSWORD_RESET_REQUIRE_PROOF,
    testClockFile: parsed.TEST_CLOCK_FILE,
    trafficDeny: parsed.TRAFFIC_DENY,
    banMs: parsed.TRAFFIC_BAN_MINUTES * 60 * 1000,
    rateLimitPolicies: resolvePolicies(parsed.RATE_LIMITS),
    rateLimitStore: {
      redisUrl: parsed.REDIS_URL,
      upstash: parsed.UPSTASH_REDIS_REST_URL ? { url: parsed.UPSTASH_REDIS_REST_URL, token: parsed.UPSTASH_REDIS_REST_TOKEN! } : undefined,
      prefix: parsed.RATE_LIMIT_PREFIX,
      onFailure: parsed.RATE_LIMIT_ON_STORE_FAILURE,
      timeoutMs: parsed.RATE_LIMIT_STORE_TIMEOUT_MS,
    },
    secureCookies: isProduction,
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
