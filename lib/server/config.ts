// Configuration, read and validated once. A bad value stops start-up with a message naming the
// variable. No "server-only" marker: scripts and the Prisma CLI read the database settings too.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const DATA_DIR = path.join(process.cwd(), ".data");
const DEV_SECRET_FILE = path.join(DATA_DIR, "auth-secret");

const integer = (fallback: number) => z.coerce.number().int().default(fallback);

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
  return {
    isProduction,
    appUrl,
    authSecret: parsed.NEXTAUTH_SECRET ?? developmentSecret(),
    bcryptCost: parsed.BCRYPT_COST,
    browserSessionMs: parsed.BROWSER_SESSION_DAYS * 24 * 60 * 60 * 1000,
    apiTokenMs: parsed.API_TOKEN_HOURS * 60 * 60 * 1000,
    logLevel: parsed.LOG_LEVEL,
    smtpUrl: parsed.SMTP_URL,
    mailFrom: parsed.MAIL_FROM,
    outboxDir: path.join(DATA_DIR, "outbox"),
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
