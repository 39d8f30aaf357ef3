import { describe, expect, it } from "vitest";
import { registerSchema } from "./auth";
import { isCommonPassword, passwordLength, passwordPolicyProblems } from "./password";

describe("password policy", () => {
  it("accepts a long, uncommon password", async () => {
    expect(await passwordPolicyProblems("lantern-orchid-velvet-93", { email: "a@b.example", name: "Ann" })).toEqual([]);
  });

  it("counts characters after NFKC, so 8 full-width letters are 8 characters", () => {
    expect(passwordLength("ｚｑｘｊｋｖｂｗ")).toBe(8);
    expect(passwordLength("😀😀😀😀")).toBe(4);
  });

  it("enforces 8 to 128 characters with no truncation", async () => {
    expect(await passwordPolicyProblems("7chars!")).toContain("Use at least 8 characters");
    expect(await passwordPolicyProblems("q".repeat(129))).toContain("Use at most 128 characters");
    expect(await passwordPolicyProblems("qz".repeat(64))).toEqual([]);
  });

  it("uses a common-password list of at least 10,000 entries, case-insensitively", async () => {
    const { dictionary } = await import("@zxcvbn-ts/language-common");
    expect((dictionary.passwords as string[]).length).toBeGreaterThanOrEqual(10_000);
    expect(await isCommonPassword("Password123")).toBe(true);
    expect(await isCommonPassword("qwertyuiop")).toBe(true);
    expect(await isCommonPassword("SecurePass123")).toBe(false);
  });

  it("rejects the account's email, its local part and the user's name", async () => {
    const context = { email: "Grace.Hopper@Navy.example", name: "Grace Hopper" };
    expect(await passwordPolicyProblems("grace.hopper@navy.example", context)).toContain("Do not use your email address as your password");
    expect(await passwordPolicyProblems("GRACE.HOPPER", context)).toContain("Do not use your email address as your password");
    expect(await passwordPolicyProblems("grace hopper", context)).toContain("Do not use your name as your password");
  });

  it("has no composition rules: lower-case letters alone are fine when long and uncommon", async () => {
    expect(await passwordPolicyProblems("mossy pebbles under the bridge")).toEqual([]);
  });
});

describe("registerSchema (shared by the sign-up form and the register endpoint)", () => {
  it("normalises the email and drops an empty name", async () => {
    const parsed = await registerSchema.parseAsync({ email: " Ada@Example.COM ", password: "lantern-orchid-velvet", name: "  " });
    expect(parsed).toEqual({ email: "ada@example.com", password: "lantern-orchid-velvet", name: undefined });
  });

  it("tags policy problems as WEAK_PASSWORD on the password field", async () => {
    const result = await registerSchema.safeParseAsync({ email: "ada@example.com", password: "password" });
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.path).toEqual(["password"]);
    expect(issue.code).toBe("custom");
    expect((issue as { params?: unknown }).params).toEqual({ contractCode: "WEAK_PASSWORD" });
  });
});
