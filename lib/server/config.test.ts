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
});
