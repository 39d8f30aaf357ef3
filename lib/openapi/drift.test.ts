import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ENDPOINTS } from "@/lib/endpoints";
import { openApiDocument } from "./document";
import { DOCUMENTED_ROUTES, HTTP_METHODS, NEXT_AUTH_ROUTE } from "@/lib/served-routes";

const APP = path.join(process.cwd(), "app");

/**
 * Route files the document leaves out, and why. Every other app/**\/route.ts must have an
 * operation for each method it exports, and every operation a route file that exports it.
 */
const EXCLUDED: Record<string, string> = {
  "api/[[...path]]": "the catch-all: any other path under /api answers 404 (components/responses/NotFound)",
  "api/auth/[...nextauth]": "next-auth's own endpoints for the portal's pages, not an API for other clients",
};

function routeFiles(dir = APP): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** app/api/v1/user/sessions/[id]/route.ts → /api/v1/user/sessions/{id}; route groups `(x)` vanish. */
function urlTemplate(directory: string): string {
  const segments = directory.split("/").filter((segment) => !/^\(.*\)$/.test(segment));
  return `/${segments.map((segment) => segment.replace(/^\[(\w+)\]$/, "{$1}")).join("/")}`;
}

/** `export const GET`, `export (async) function GET`, `export { handler as GET }`. */
function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  const names = HTTP_METHODS.join("|");
  for (const [, method] of source.matchAll(new RegExp(`^export\\s+(?:const|let|(?:async\\s+)?function)\\s+(${names})\\b`, "gm"))) found.add(method!);
  for (const [, list] of source.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const item of list!.split(",")) {
      const name = item.trim().split(/\s+as\s+/).pop()!;
      if ((HTTP_METHODS as readonly string[]).includes(name)) found.add(name);
    }
  }
  return [...found];
}

function implemented(): string[] {
  return routeFiles().flatMap((file) => {
    const directory = path.relative(APP, path.dirname(file)).split(path.sep).join("/");
    if (directory in EXCLUDED) return [];
    return exportedMethods(readFileSync(file, "utf8")).map((method) => `${method} ${urlTemplate(directory)}`);
  });
}

function documented(): string[] {
  return Object.entries(openApiDocument().paths ?? {}).flatMap(([template, item]) =>
    HTTP_METHODS.filter((method) => method.toLowerCase() in item).map((method) => `${method} ${template}`),
  );
}

describe("the OpenAPI document and the route files", () => {
  it("reads the methods a route file exports, however it exports them", () => {
    expect(exportedMethods("export const GET = 1;\nexport async function POST() {}\nexport { a as PATCH, b as DELETE, helper };")).toEqual(["GET", "POST", "PATCH", "DELETE"]);
  });

  it("maps route directories to URL templates", () => {
    expect(urlTemplate("api/v1/user/sessions/[id]")).toBe("/api/v1/user/sessions/{id}");
    expect(urlTemplate("(auth)/v1/users/me/password")).toBe("/v1/users/me/password");
  });

  it("excludes only route files that exist", () => {
    for (const directory of Object.keys(EXCLUDED)) expect(routeFiles().map((file) => path.relative(APP, path.dirname(file)))).toContain(directory);
  });

  it("knows next-auth's methods (for its 405) from its route file", () => {
    const source = readFileSync(path.join(APP, "api/auth/[...nextauth]/route.ts"), "utf8");
    expect(exportedMethods(source).sort()).toEqual([...NEXT_AUTH_ROUTE.methods].sort());
  });

  it("has an operation for every method of every route file", () => {
    const missing = implemented().filter((route) => !documented().includes(route));
    expect(missing, "route files without an operation in lib/openapi").toEqual([]);
  });

  it("lists in lib/served-routes.ts exactly the document's paths and methods (server.ts routes 405s by it)", () => {
    const listed = Object.entries(DOCUMENTED_ROUTES).flatMap(([template, methods]) => methods.map((method) => `${method} ${template}`));
    expect(listed.sort()).toEqual(documented().sort());
  });

  it("has a route file for every operation", () => {
    const missing = documented().filter((operation) => !implemented().includes(operation));
    expect(missing, "operations without a route file exporting that method").toEqual([]);
  });

  it("wires every method of a route file to the declaration of that path and method, and declares nothing twice", async () => {
    const wired: string[] = [];
    for (const file of routeFiles()) {
      const directory = path.relative(APP, path.dirname(file)).split(path.sep).join("/");
      if (directory in EXCLUDED) continue;
      const route = (await import(file)) as Record<string, { endpoint?: { method: string; path: string } }>;
      for (const method of exportedMethods(readFileSync(file, "utf8"))) {
        const declared = route[method]?.endpoint;
        expect({ file: directory, method, declared: declared && `${declared.method} ${declared.path}` }).toEqual({ file: directory, method, declared: `${method} ${urlTemplate(directory)}` });
        wired.push(`${method} ${urlTemplate(directory)}`);
      }
    }
    const declarations = ENDPOINTS.map((endpoint) => `${endpoint.method} ${endpoint.path}`);
    expect(new Set(declarations).size).toBe(declarations.length);
    expect(wired.sort()).toEqual([...declarations].sort());
  }, 60_000);
});
