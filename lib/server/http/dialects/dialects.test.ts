import { describe, expect, it } from "vitest";
import { AppError, ERROR_TABLE, type ErrorCode } from "../../errors";
import { ENDPOINTS } from "@/lib/endpoints";
import { DIALECTS, dialectForPath } from "./by-path";
import { statusEnvelopeDialect } from "./status-envelope";
import { successFlagDialect } from "./success-flag";
import { v1Dialect } from "./v1";
import { zitadelDialect } from "./zitadel";

const EVERY_CODE = Object.keys(ERROR_TABLE) as ErrorCode[];

describe("error dialects", () => {
  it.each(EVERY_CODE)("%s: every dialect writes its own shape with a status in the same class as v1's", (code) => {
    const error = new AppError(code);
    const v1 = v1Dialect.present(error, "req-1");
    expect(v1.status).toBe(ERROR_TABLE[code].status);
    for (const dialect of [successFlagDialect, statusEnvelopeDialect, zitadelDialect]) {
      const { status } = dialect.present(error, "req-1");
      expect(Math.floor(status / 100), dialect.name).toBe(Math.floor(v1.status / 100));
    }
    expect(successFlagDialect.present(error, "r").body).toEqual({ success: false, message: ERROR_TABLE[code].message });
    expect(statusEnvelopeDialect.present(error, "r").body).toEqual({ status: false, error: { code: expect.any(Number), message: expect.any(String) } });
    expect(zitadelDialect.present(error, "r").body).toEqual({
      code: expect.any(Number),
      message: expect.stringMatching(/ \([A-Z]+-[\w]+\)$/),
      details: [{ "@type": "type.googleapis.com/zitadel.v1.ErrorDetail", id: expect.any(String), message: expect.any(String) }],
    });
  });

  it("tells a missing credential and a closed account apart where the seed does", () => {
    const none = new AppError("UNAUTHORIZED", undefined, { reason: "no-credentials" });
    const gone = new AppError("UNAUTHORIZED", undefined, { reason: "account-gone" });
    expect(statusEnvelopeDialect.present(none, "r")).toEqual({ status: 401, body: { status: false, error: { code: 4002, message: "No auth token" } } });
    expect(statusEnvelopeDialect.present(gone, "r")).toEqual({ status: 404, body: { status: false, error: { code: 3001, message: "Entity not found" } } });
    expect(zitadelDialect.present(gone, "r")).toMatchObject({ status: 404, body: { code: 5, details: [{ id: "COMMAND-G8dh3" }] } });
    // v1 and seed 002 answer every case with the same 401.
    for (const error of [none, gone]) {
      expect(v1Dialect.present(error, "r")).toEqual({ status: 401, body: { message: "Unauthorized", code: "UNAUTHORIZED" } });
      expect(successFlagDialect.present(error, "r")).toEqual({ status: 401, body: { success: false, message: "Unauthorized" } });
    }
  });

  it("gives every seed-004 code to one error only", () => {
    const codes = EVERY_CODE.filter((code) => code !== "NOT_FOUND").map((code) => statusEnvelopeDialect.present(new AppError(code), "r").body.error);
    const numbers = codes.map((error) => (error as { code: number }).code).filter((code) => code !== 9001 && code !== 1000);
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});

describe("the dialect of an answer given before a route runs (the proxy's 405)", () => {
  it.each(ENDPOINTS.map((declared) => [`${declared.method} ${declared.path}`, declared] as const))("%s: its declaration's", (_name, declared) => {
    expect(dialectForPath(declared.path)).toBe(DIALECTS[declared.dialect ?? "v1"]);
  });

  it("is a seed's own on each seed path, and v1's elsewhere", () => {
    const seeds = ENDPOINTS.filter((declared) => declared.dialect && declared.dialect !== "v1").map((declared) => [declared.path, dialectForPath(declared.path)]);
    expect(seeds).toEqual([
      ["/api/user/password", successFlagDialect],
      ["/auth/v1/users/me/password", zitadelDialect],
      ["/v1/users/profile/change-password", statusEnvelopeDialect],
    ]);
    expect(dialectForPath("/api/v1/user/unknown")).toBe(v1Dialect);
  });
});
