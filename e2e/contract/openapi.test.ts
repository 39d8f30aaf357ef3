import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { describe, expect, inject, it } from "vitest";
import { ENDPOINTS } from "@/lib/endpoints";
import { openApiDocument } from "@/lib/openapi/document";
import { apiClient, backends } from "./client";

describe.each(backends)("the OpenAPI document on $name", ({ url }) => {
  it("is served at /api/openapi.json: the document the suites validate against, cacheable", async () => {
    const response = await apiClient(url).request("GET", "/api/openapi.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    const { servers, ...document } = response.body;
    expect(document).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
    expect(response.body.openapi).toBe("3.1.0");
    // The test servers' APP_URL: examples copied from the reference reach this portal.
    expect(servers).toEqual([{ url: new URL(url).origin, description: "This portal (APP_URL)" }]);
  });

  it("gives every JSON request body an example with a value for every field, none of them empty", async () => {
    const document = (await apiClient(url).request("GET", "/api/openapi.json")).body as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { example?: Record<string, unknown> }> } }>>;
    };
    const bodies = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).flatMap(([method, operation]) =>
        Object.entries(operation.requestBody?.content ?? {}).map(([type, media]) => ({ where: `${method} ${path} ${type}`, example: media.example })),
      ),
    );
    expect(bodies).toHaveLength(ENDPOINTS.filter((endpoint) => endpoint.schema).length);
    const lacking = bodies.filter(({ example }) => !example || Object.values(example).some((value) => value === "" || value === undefined));
    expect(lacking.map(({ where }) => where)).toEqual([]);
  });

  it("has register and login examples that work as sent, against the server the document names", async () => {
    const document = (await apiClient(url).request("GET", "/api/openapi.json")).body as {
      servers: Array<{ url: string }>;
      paths: Record<string, Record<string, { requestBody: { content: Record<string, { example: Record<string, unknown> }> } }>>;
    };
    const example = (path: string) => document.paths[path]!.post!.requestBody.content["application/json"]!.example;
    const send = (path: string) =>
      fetch(new URL(path, document.servers[0]!.url), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(example(path)) });
    const registered = await send("/api/v1/user/register");
    // A second run on the same database finds the example's account there already.
    expect([201, 409]).toContain(registered.status);
    const login = await send("/api/v1/user/login");
    expect(login.status).toBe(200);
    expect(((await login.json()) as { token: string }).token).toMatch(/^cxp_/);
  });
});

describe.each(backends)("a method a path does not have, on $name", ({ url }) => {
  const api = apiClient(url);

  it.each([
    ["PUT", "/api/v1/user/login", "POST, OPTIONS"],
    ["POST", "/api/health", "GET, HEAD, OPTIONS"],
    ["GET", "/api/v1/user/password", "PATCH, OPTIONS"],
    // The literal segment wins, as in Next's router: revoke-others has no DELETE though sessions/{id} has.
    ["DELETE", "/api/v1/user/sessions/revoke-others", "POST, OPTIONS"],
    ["PATCH", "/api/v1/user/sessions/some-id", "DELETE, OPTIONS"],
    // The seeds' paths answer their 405 in their own shapes (their suites check it).
    // next-auth's endpoints are not in the document, but under /api all the same.
    ["PUT", "/api/auth/session", "GET, POST, HEAD, OPTIONS"],
  ])("%s %s answers 405 in JSON with Allow: %s", async (method, path, allow) => {
    const response = await api.request(method, path);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe(allow);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("x-request-id")).toBeTruthy();
    expect(response.body).toEqual({ message: "Method Not Allowed", code: "METHOD_NOT_ALLOWED" });
  });
});

/** fetch cannot send TRACE or CONNECT: a raw request, as a scanner sends it. */
function rawRequest(base: string, method: string, path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(new URL(path, base), { method }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, text }));
    });
    request.on("error", reject);
    request.end();
  });
}

/** The server log's request line for `requestId`, once pino has written it. */
async function requestLine(logFile: string, requestId: string): Promise<Record<string, unknown> | undefined> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const line = readFileSync(logFile, "utf8")
      .split("\n")
      .find((entry) => entry.includes(requestId) && entry.includes('"msg":"request"'));
    if (line) return JSON.parse(line) as Record<string, unknown>;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}

describe.each(backends)("methods no route handler takes, on $name", ({ url, logFile }) => {
  it.each([
    ["TRACE", "/api/v1/user/check", "GET, HEAD, OPTIONS"],
    ["PROPFIND", "/api/health", "GET, HEAD, OPTIONS"],
  ])("%s %s answers 405 in JSON with Allow: %s, logged with its own method", async (method, path, allow) => {
    const response = await rawRequest(url, method, path);
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe(allow);
    expect(JSON.parse(response.text)).toEqual({ message: "Method Not Allowed", code: "METHOD_NOT_ALLOWED" });
    // server.ts passes TRACE on to Next as a GET (fetch's Request refuses it); the log says TRACE.
    expect(await requestLine(logFile, String(response.headers["x-request-id"]))).toMatchObject({ method, path, status: 405 });
  });

  it.each(["TRACE", "PROPFIND"])("%s on an unknown API path answers the catch-all's JSON 404", async (method) => {
    const response = await rawRequest(url, method, "/api/no-such-path");
    expect(response.status).toBe(404);
    expect(JSON.parse(response.text)).toEqual({ message: "Not Found", code: "NOT_FOUND" });
  });

  it("answers TRACE on a page with 405, never an echo or a 500", async () => {
    const response = await rawRequest(url, "TRACE", "/sign-in");
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe("GET, HEAD");
  });
});

describe("a method a path does not have, from a denied address", () => {
  it("meets the traffic guard first: 403, as on every endpoint", async () => {
    const [limits] = inject("limitsServers");
    const response = await apiClient(limits!.url).request("PUT", "/api/v1/user/login", undefined, { headers: { "x-forwarded-for": "203.0.113.9" } });
    expect(response.status).toBe(403);
    expect(response.body).toEqual({ message: "Access denied", code: "ACCESS_DENIED" });
  });
});
