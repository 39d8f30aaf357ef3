import { describe, expect, it } from "vitest";
import { assertDocumented } from "./openapi-validator";

const BASE = "http://127.0.0.1:3000";
const json = { "content-type": "application/json; charset=utf-8" };
const answer = (method: string, path: string, status: number, body: unknown, headers: Record<string, string> = json) => ({
  method,
  url: `${BASE}${path}`,
  status,
  headers: new Headers(headers),
  text: typeof body === "string" ? body : JSON.stringify(body),
});

describe("assertDocumented (the contract suites' check of every answer)", () => {
  it("accepts an answer the document describes", () => {
    expect(() => assertDocumented(answer("GET", "/api/health", 200, { message: "OK" }))).not.toThrow();
    expect(() => assertDocumented(answer("DELETE", "/api/v1/user/sessions/x", 404, { message: "Not Found", code: "NOT_FOUND" }))).not.toThrow();
  });

  it("names method, path, status and the schema errors of a body that breaks it", () => {
    expect(() => assertDocumented(answer("GET", "/api/health", 200, { message: "Fine" }))).toThrow(/GET \/api\/health → 200: the body does not match .*\n.*const/);
    expect(() => assertDocumented(answer("POST", "/api/v1/user/login", 401, { message: "Unauthorized", code: "UNAUTHORIZED" }))).toThrow(/POST \/api\/v1\/user\/login → 401/);
  });

  it("fails a status the operation does not list", () => {
    expect(() => assertDocumented(answer("GET", "/api/health", 418, { message: "teapot" }))).toThrow(/status 418 is not documented for GET \/api\/health/);
  });

  it("fails a body that is not JSON where JSON is documented", () => {
    expect(() => assertDocumented(answer("PUT", "/api/v1/user/login", 405, "", {}))).toThrow(/expected application\/json/);
  });

  it("takes the generic answers for unknown paths and methods", () => {
    expect(() => assertDocumented(answer("GET", "/api/nothing", 404, { message: "Not Found", code: "NOT_FOUND" }))).not.toThrow();
    expect(() => assertDocumented(answer("GET", "/api/nothing", 200, { message: "OK" }))).toThrow(/no operation has this path/);
    expect(() => assertDocumented(answer("PUT", "/api/health", 405, { message: "Method Not Allowed", code: "METHOD_NOT_ALLOWED" }))).not.toThrow();
  });

  it("leaves pages and next-auth alone", () => {
    expect(() => assertDocumented(answer("GET", "/sign-in", 200, "<html>", { "content-type": "text/html" }))).not.toThrow();
    expect(() => assertDocumented(answer("POST", "/api/auth/callback/credentials", 302, ""))).not.toThrow();
  });
});
