import { zxcvbn, zxcvbnOptions } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary as commonDictionary } from "@zxcvbn-ts/language-common";
import { dictionary as englishDictionary, translations } from "@zxcvbn-ts/language-en";
import { beforeAll, describe, expect, it } from "vitest";
import { loadStrengthEstimator, type Estimator } from "./index";

/** The seeds' example passwords (shared/seeds): what people copying the docs will type. */
const SEED_PASSWORDS = [
  "SecurePass123",
  "NewSecurePass123",
  "newSecurePassword456",
  "currentPassword123",
  "MyOldPassword12!",
  "MyNewPassword12!",
  "CurrentSecureP@ss123",
  "NewSecureP@ssw0rd!",
];

const COMMON = [
  "password123", "qwerty2024", "password", "123456", "qwertyuiop", "letmein", "iloveyou", "monkey123",
  "dragon2020", "Summer2023!", "Welcome1", "P@ssw0rd", "trustno1", "football1", "abc12345", "1qaz2wsx",
  "admin123", "michael1", "jennifer", "baseball!", "sunshine99", "princess", "superman", "batman123",
  "charlie1", "correcthorse", "ilovemydog", "sarahconnor", "hello world", "maple-syrup-2024", "Gr8Expectations!",
];

const STRONG = [
  "correct horse battery staple", "lantern-orchid-velvet-93", "mossy pebbles under the bridge",
  "Harbor-x8Kq2Zp4-lights", "amber-falcon-river-71", "purple elephant dancing quietly", "blue sky morning coffee",
  "whiskey tango foxtrot", "velvet thunder cascade ninety", "tr0ub4dor&3", "q8$Zt!w2Rn7v", "kj3#Lm9!xQ",
];

/**
 * Where the trimmed lists score one higher, and why: "johnsmith" is a common password past the
 * kept 15,000, so it is guessed as a first name plus a surname instead.
 */
const ONE_APART = new Set(["johnsmith1990"]);

const ALL = [...SEED_PASSWORDS, ...COMMON, ...STRONG, ...ONE_APART];

describe("the meter's trimmed dictionary", () => {
  let full: Map<string, number>;
  let trimmed: Estimator;

  beforeAll(async () => {
    // zxcvbn-ts keeps its options in one module-wide object: score everything with the full lists
    // first, then load the meter's estimator, which sets its own.
    zxcvbnOptions.setOptions({
      translations,
      graphs: adjacencyGraphs,
      dictionary: { ...commonDictionary, ...englishDictionary },
    });
    full = new Map(ALL.map((password) => [password, zxcvbn(password).score]));
    trimmed = await loadStrengthEstimator();
  });

  it("rates password123 very weak, as the full dictionary does", () => {
    expect(trimmed("password123", []).score).toBe(0);
  });

  it("rates qwerty2024 weak (1): a keyboard run from the top of the list plus a recent year", () => {
    expect(full.get("qwerty2024")).toBe(1);
    expect(trimmed("qwerty2024", []).score).toBe(1);
  });

  it("rates the seeds' example passwords exactly as the full dictionary does", () => {
    for (const password of SEED_PASSWORDS) expect([password, trimmed(password, []).score]).toEqual([password, full.get(password)]);
  });

  it("rates long random-ish passphrases strong", () => {
    for (const password of STRONG.slice(0, 9)) expect([password, trimmed(password, []).score]).toEqual([password, 4]);
  });

  it("gives the full dictionary's score to every common and uncommon password but the stated few", () => {
    for (const password of [...COMMON, ...STRONG]) expect([password, trimmed(password, []).score]).toEqual([password, full.get(password)]);
    for (const password of ONE_APART) expect(Math.abs(trimmed(password, []).score - full.get(password)!)).toBeLessThanOrEqual(1);
  });

  it("still counts the person's email and name against the password", () => {
    const alone = trimmed("Quixbyrne!1815", []).score;
    expect(alone).toBeGreaterThanOrEqual(3);
    expect(trimmed("Quixbyrne!1815", ["ada@quixbyrne.example", "Quixbyrne"]).score).toBeLessThan(alone);
  });
});
