import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { buildConfig, ConfigError, parseEnv, SETTING_NAMES } from "./config";

const productionBase = { NODE_ENV: "production", NEXTAUTH_SECRET: "s".repeat(32), APP_URL: "https://accounts.example" } as const;

describe("configuration", () => {
  it("has working defaults for development", () => {
    const parsed = parseEnv({ NODE_ENV: "development" });
    expect(parsed).toMatchObject({ PORT: 9000, BCRYPT_COST: 12, LOG_LEVEL: "info" });
  });

  it("derives the public URL from PORT unless APP_URL is set", () => {
    expect(buildConfig({ ...productionBase, APP_URL: undefined, ALLOW_INSECURE_HTTP: "true", PORT: "9100" }).appUrl).toBe("http://localhost:9100");
    expect(buildConfig({ ...productionBase, APP_URL: "https://accounts.example/" }).appUrl).toBe("https://accounts.example");
  });

  it("refuses to start in production without a secret, naming the variable", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrowError(/NEXTAUTH_SECRET: is required in production/);
  });

  it("refuses a bcrypt cost below 10 in production", () => {
    expect(() => parseEnv({ ...productionBase, BCRYPT_COST: "8" })).toThrowError(/BCRYPT_COST: must be at least 10/);
    expect(parseEnv({ ...productionBase, BCRYPT_COST: "10" }).BCRYPT_COST).toBe(10);
  });

  it.each([
    ["PORT", "ninety"],
    ["BCRYPT_COST", "40"],
    ["DATABASE_URL", "mysql://db/portal"],
    ["LOG_LEVEL", "loud"],
    ["APP_URL", "ftp://portal"],
    ["NEXTAUTH_SECRET", "short"],
    ["TRUST_PROXY", "11"],
    ["TRAFFIC_DENY", "10.0.0.0/40"],
    ["RATE_LIMITS", "login-per-ip=10/15m"],
    ["RATE_LIMITS", "api-per-ip=lots"],
    ["REDIS_URL", "http://cache:6379"],
    ["RATE_LIMIT_ON_STORE_FAILURE", "open"],
  ])("names %s when its value is bad", (name, value) => {
    expect(() => parseEnv({ NODE_ENV: "development", [name]: value })).toThrowError(ConfigError);
    expect(() => parseEnv({ NODE_ENV: "development", [name]: value })).toThrowError(new RegExp(`${name}:`));
  });

  it("queues 64 bcrypt hashes per core unless BCRYPT_MAX_QUEUE says otherwise", () => {
    expect(parseEnv({ NODE_ENV: "development" }).BCRYPT_MAX_QUEUE).toBe(64 * availableParallelism());
    expect(buildConfig({ ...productionBase, BCRYPT_MAX_QUEUE: "0" }).bcryptMaxQueue).toBe(0);
    expect(buildConfig({ ...productionBase, BCRYPT_MAX_QUEUE: "10000" }).bcryptMaxQueue).toBe(10_000);
  });

  it.each(["-1", "10001", "2.5", "many"])("refuses BCRYPT_MAX_QUEUE=%s, naming the variable and the allowed range", (value) => {
    expect(() => parseEnv({ NODE_ENV: "development", BCRYPT_MAX_QUEUE: value })).toThrowError(
      /^Invalid configuration:\n {2}BCRYPT_MAX_QUEUE: must be a whole number from 0 to 10000$/,
    );
  });

  it("treats empty strings as unset", () => {
    const parsed = parseEnv({ NODE_ENV: "development", PORT: "", DATABASE_URL: "" });
    expect(parsed.PORT).toBe(9000);
    expect(parsed.DATABASE_URL).toBeUndefined();
  });

  it("marks cookies Secure exactly when APP_URL is https", () => {
    expect(buildConfig(productionBase).secureCookies).toBe(true);
    expect(buildConfig({ ...productionBase, APP_URL: "http://10.0.0.5:9000", ALLOW_INSECURE_HTTP: "true" }).secureCookies).toBe(false);
    expect(buildConfig({ NODE_ENV: "development", NEXTAUTH_SECRET: "d".repeat(32) }).secureCookies).toBe(false);
    expect(buildConfig({ NODE_ENV: "development", NEXTAUTH_SECRET: "d".repeat(32), APP_URL: "https://dev.example" }).secureCookies).toBe(true);
  });

  it("refuses an http APP_URL in production unless ALLOW_INSECURE_HTTP says it is a local trial", () => {
    expect(() => parseEnv({ ...productionBase, APP_URL: "http://accounts.example" })).toThrowError(/APP_URL: must be an https:\/\/ URL in production/);
    expect(() => parseEnv({ ...productionBase, APP_URL: undefined })).toThrowError(/APP_URL: must be an https:\/\/ URL/);
    expect(parseEnv({ ...productionBase, APP_URL: "http://accounts.example", ALLOW_INSECURE_HTTP: "true" }).ALLOW_INSECURE_HTTP).toBe(true);
  });

  it("refuses TEST_CLOCK_FILE in production, naming it, and allows it in tests", () => {
    expect(() => parseEnv({ ...productionBase, TEST_CLOCK_FILE: "/tmp/clock" })).toThrowError(/TEST_CLOCK_FILE: is for tests only and refused in production/);
    expect(parseEnv({ NODE_ENV: "test", TEST_CLOCK_FILE: "/tmp/clock" }).TEST_CLOCK_FILE).toBe("/tmp/clock");
  });

  it("groups IPv6 clients by a /64 unless RATE_LIMIT_IPV6_PREFIX says otherwise", () => {
    expect(buildConfig(productionBase).ipv6PrefixBits).toBe(64);
    expect(buildConfig({ ...productionBase, RATE_LIMIT_IPV6_PREFIX: "48" }).ipv6PrefixBits).toBe(48);
    expect(() => parseEnv({ ...productionBase, RATE_LIMIT_IPV6_PREFIX: "129" })).toThrowError(/RATE_LIMIT_IPV6_PREFIX:/);
  });

  it("caps an API token's whole life at API_TOKEN_MAX_DAYS (30 by default)", () => {
    expect(buildConfig(productionBase).apiTokenMaxMs).toBe(30 * 24 * 3_600_000);
    expect(() => parseEnv({ ...productionBase, API_TOKEN_MAX_DAYS: "0" })).toThrowError(/API_TOKEN_MAX_DAYS:/);
  });

  it("reads rate-limit overrides over the defaults", () => {
    const { rateLimitPolicies } = buildConfig({ ...productionBase, RATE_LIMITS: "register-per-ip=20/2h, api-per-ip=600/30s" });
    expect(rateLimitPolicies["register-per-ip"]).toEqual({ name: "register-per-ip", limit: 20, windowMs: 2 * 3_600_000 });
    expect(rateLimitPolicies["api-per-ip"]).toEqual({ name: "api-per-ip", limit: 600, windowMs: 30_000 });
    expect(rateLimitPolicies["login-per-ip-email"]).toEqual({ name: "login-per-ip-email", limit: 10, windowMs: 15 * 60_000 });
  });

  it("names the unknown policy and lists the known ones", () => {
    expect(() => parseEnv({ NODE_ENV: "development", RATE_LIMITS: "login=1/1m" })).toThrowError(/RATE_LIMITS: unknown policy "login" \(known: api-per-ip, /);
  });

  it("wants an Upstash token with an Upstash URL, and one shared store only", () => {
    expect(() => parseEnv({ NODE_ENV: "development", UPSTASH_REDIS_REST_URL: "https://eu1.upstash.io" })).toThrowError(/UPSTASH_REDIS_REST_TOKEN: is required/);
    expect(() =>
      parseEnv({ NODE_ENV: "development", UPSTASH_REDIS_REST_URL: "https://eu1.upstash.io", UPSTASH_REDIS_REST_TOKEN: "t", REDIS_URL: "redis://127.0.0.1:6379" }),
    ).toThrowError(/REDIS_URL: set either/);
  });

  it("fails safe by default when the shared store is down: per-process limits, never none", () => {
    expect(buildConfig(productionBase).rateLimitStore.onFailure).toBe("memory");
  });

  /** The message parseEnv gives for one bad value, without the heading. */
  function messageFor(name: string, value: string): string {
    try {
      parseEnv({ NODE_ENV: "development", [name]: value });
    } catch (error) {
      return (error as Error).message.replace(/^Invalid configuration:\n/, "").trim();
    }
    throw new Error(`${name}=${value} was accepted`);
  }

  it.each([
    ["PORT", 1, 65535],
    ["TRUST_PROXY", 0, 10],
    ["BCRYPT_COST", 4, 20],
    ["BROWSER_SESSION_DAYS", 1, 365],
    ["API_TOKEN_HOURS", 1, 2160],
    ["API_TOKEN_MAX_DAYS", 1, 365],
    ["TRAFFIC_BAN_MINUTES", 1, 1440],
    ["RATE_LIMIT_IPV6_PREFIX", 16, 128],
    ["RATE_LIMIT_STORE_TIMEOUT_MS", 10, 10_000],
  ])("answers any bad %s with its range, %i to %i", (name, min, max) => {
    const expected = `${name}: must be a whole number from ${min} to ${max}`;
    for (const value of ["two", "1.5", "-1", "0x10", "1e3", String(min - 1), String(max + 1)]) {
      expect({ value, message: messageFor(name, value) }).toEqual({ value, message: expected });
    }
    expect(parseEnv({ NODE_ENV: "development", [name]: ` ${max} ` })[name as keyof ReturnType<typeof parseEnv>]).toBe(max);
  });

  it.each([
    ["NODE_ENV", "staging", "NODE_ENV: must be one of development, production, test"],
    ["LOG_LEVEL", "loud", "LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent"],
    ["RATE_LIMIT_ON_STORE_FAILURE", "open", "RATE_LIMIT_ON_STORE_FAILURE: must be one of memory, closed"],
    ["ALLOW_INSECURE_HTTP", "yes", "ALLOW_INSECURE_HTTP: must be true or false (or 1 or 0)"],
    ["APP_URL", "ftp://portal", "APP_URL: must be a URL starting with http:// or https://"],
    ["APP_URL", "portal.example", "APP_URL: must be a URL starting with http:// or https://"],
    ["UPSTASH_REDIS_REST_URL", "redis://eu1.upstash.io", "UPSTASH_REDIS_REST_URL: must be a URL starting with http:// or https://"],
    ["DATABASE_URL", "mysql://db/portal", "DATABASE_URL: must be a URL starting with postgres:// or postgresql://"],
    ["REDIS_URL", "http://cache:6379", "REDIS_URL: must be a URL starting with redis:// or rediss://"],
    ["SMTP_URL", "mail.example:25", "SMTP_URL: must be a URL starting with smtp:// or smtps://"],
    ["MAIL_FROM", "x", "MAIL_FROM: must be a sender, e.g. Account portal <no-reply@example.com>"],
    ["RATE_LIMIT_PREFIX", "my prefix", "RATE_LIMIT_PREFIX: must be letters, digits and _ : . - only"],
  ])("says what %s allows (%s)", (name, value, expected) => {
    expect(messageFor(name, value).split("\n").map((line) => line.trim())).toContain(expected);
  });

  // A message a person can act on: zod's defaults ("Invalid input: expected number, received
  // NaN") name neither the range nor the choices.
  it("answers a bad value of every setting in its own words, never zod's defaults", () => {
    for (const name of SETTING_NAMES) {
      for (const value of ["\u0000bad value", "9".repeat(400), "-5"]) {
        let message = "";
        try {
          parseEnv({ NODE_ENV: "development", [name]: value });
        } catch (error) {
          message = (error as Error).message;
        }
        expect({ name, value, message }).not.toMatchObject({ message: expect.stringMatching(/Invalid input|expected |received |Too (small|big)/) });
      }
    }
  });
});
