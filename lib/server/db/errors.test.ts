import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, isUniqueViolation } from "./errors";

describe("database error classification", () => {
  it("recognises a unique violation from either driver", () => {
    expect(isUniqueViolation(Object.assign(new Error("x"), { code: "P2002" }))).toBe(true);
    expect(isUniqueViolation(new Error("wrapped", { cause: { kind: "postgres", code: "23505" } }))).toBe(true);
    expect(isUniqueViolation(new Error("wrapped", { cause: { kind: "UniqueConstraintViolation" } }))).toBe(true);
    expect(isUniqueViolation(Object.assign(new Error("x"), { code: "23503" }))).toBe(false);
  });

  it("recognises an unreachable database deep in the cause chain or an AggregateError", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
    expect(isDatabaseUnavailable(new Error("outer", { cause: new Error("middle", { cause: refused }) }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([refused], ""))).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
  });

  it("does not mistake query errors for an outage, and survives cycles", () => {
    const cyclic: { cause?: unknown; code: string } = { code: "42P01" };
    cyclic.cause = cyclic;
    expect(isDatabaseUnavailable(cyclic)).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("x"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
