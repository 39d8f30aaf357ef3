// Configuration, read and validated once. A bad value stops start-up with a message naming the
// variable. No "server-only" marker: scripts and the Prisma CLI read the database settings too.
import { hkdfSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const DATA_DIR = path.join(process.cwd(), ".data");
const DEV_SECRET_FILE = path.join(DATA_DIR, "auth-secret");

const integer = (fallback: number) => z.coerce.number().int().default(fallback);
const flag = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0"], { error: "must be true or false" })
    .default(fallback ? "true" : "false")
    .transform((value) => value === "true" || value === "1");

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: integer(9000).pipe(z.number().min(1).max(65535)),
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
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  })
  .superRefine((env, ctx) => {
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
