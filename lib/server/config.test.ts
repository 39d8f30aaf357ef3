import { describe, expect, it } from "vitest";
import { buildConfig, ConfigError, parseEnv } from "./config";

const productionBase = { NODE_ENV: "production", NEXTAUTH_SECRET: "s".repeat(32) } as const;

describe("configuration", () => {
  it("has working defaults for development", () => {
    const parsed = parseEnv({ NODE_ENV: "development" });
    expect(parsed).toMatchObject({ PORT: 9000, BCRYPT_COST: 12, LOG_LEVEL: "info" });
  });

  it("derives the public URL from PORT unless APP_URL is set", () => {
    expect(buildConfig({ ...productionBase, PORT: "9100" }).appUrl).toBe("http://localhost:9100");
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

  it("treats empty strings as unset", () => {
    const parsed = parseEnv({ NODE_ENV: "development", PORT: "", DATABASE_URL: "" });
    expect(parsed.PORT).toBe(9000);
    expect(parsed.DATABASE_URL).toBeUndefined();
  });

  it("marks cookies Secure in production only", () => {
    expect(buildConfig(productionBase).secureCookies).toBe(true);
    expect(buildConfig({ NODE_ENV: "development", NEXTAUTH_SECRET: "d".repeat(32) }).secureCookies).toBe(false);
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
});
