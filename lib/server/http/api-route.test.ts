import { NextRequest } from "next/server";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { requiredString } from "@/lib/schemas/fields";
import { AppError } from "../errors";
import * as log from "../log";
import { apiRoute } from "./api-route";
import { endpoint } from "@/lib/endpoints/endpoint";

/** Captures what the route logs, through the real pino configuration. */
function captureLogs() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  vi.spyOn(log, "logger").mockReturnValue(log.createLogger("info", sink));
  return lines;
}

afterEach(() => {
  vi.restoreAllMocks();
});

const post = (body: unknown) =>
  new NextRequest("http://localhost/api/v1/test", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer cxp_secret-token-value" },
    body: JSON.stringify(body),
  });

/** A declaration for these cases alone: POST /api/v1/test with `schema` as its body. */
function testEndpoint<S extends z.ZodType | undefined = undefined>(schema?: S) {
  return endpoint({
    method: "POST",
    path: "/api/v1/test",
    schema: schema as S,
    docs: { style: "v1", operationId: "test", summary: "Test", tags: [], success: { description: "ok", schema: z.object({}) } },
  });
}

describe("apiRoute", () => {
  it("answers an unexpected failure with 500, a request id and nothing internal", async () => {
    const lines = captureLogs();
    const route = apiRoute(testEndpoint(z.object({ password: requiredString })), async () => {
      throw new Error("relation \"User\" does not exist at /srv/db.ts:12");
    });
    const response = await route(post({ password: "hunter2-hunter2" }));
    const body = await response.json();
    expect(response.status).toBe(500);
    expect(body).toEqual({ message: "Unexpected Error", code: "UNEXPECTED_ERROR", requestId: response.headers.get("x-request-id") });
    expect(JSON.stringify(body)).not.toMatch(/relation|srv/);
    // The same request id is in the error log line, for whoever investigates.
    const errorLine = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === "unhandled error");
    expect(errorLine).toMatchObject({ requestId: body.requestId, err: { message: expect.stringContaining("relation") } });
  });

  it("maps an AppError to its status, code and field errors", async () => {
    captureLogs();
    const route = apiRoute(testEndpoint(), async () => {
      throw new AppError("WEAK_PASSWORD", { password: ["Use at least 8 characters"] });
    });
    const response = await route(post({}));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      message: "Password does not meet the requirements",
      code: "WEAK_PASSWORD",
      errors: { password: ["Use at least 8 characters"] },
    });
  });

  it("logs one line per request with no body, header or secret in it", async () => {
    const lines = captureLogs();
    const route = apiRoute(testEndpoint(z.object({ password: requiredString })), async () => ({ body: { message: "ok" } }));
    const response = await route(post({ password: "hunter2-hunter2" }));
    expect(response.status).toBe(200);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: "request", method: "POST", path: "/api/v1/test", status: 200 });
    expect(lines[0]).not.toContain("hunter2");
    expect(lines[0]).not.toContain("secret-token-value");
  });
});

describe("the logger's redaction", () => {
  it("censors secrets even when a caller passes them by mistake", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    log.createLogger("info", sink).info(
      { password: "p1", body: { newPassword: "p2", oldPassword: "p3", token: "t1" }, headers: { authorization: "Bearer t2", cookie: "c" } },
      "oops",
    );
    expect(lines.join("")).not.toMatch(/p1|p2|p3|t1|t2|"c"/);
    expect(lines.join("")).toContain("[redacted]");
  });
});
