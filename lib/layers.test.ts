import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Imports run one way only: the app (pages and route files) → the request envelope (http) → auth
// → the features (lib/server/features/<feature>: a use case's services, mails and outbox
// handlers) → the services they share (lib/server/services: the account's password check, token
// sessions, readiness) → the kernel below them (database and repositories, mail transport, rate
// limits, security, configuration, the request context, the OpenAPI document) → the plain shared
// modules of lib/ (schemas, endpoint declarations, rules), which pages import too. A module never
// imports one above it at run time; a type-only import is erased and ties nothing (a declaration
// names the Principal type of auth). A feature uses another only through its index.ts.
const ROOT = process.cwd();

const RANKS: Array<[prefix: string, layer: string, rank: number]> = [
  ["app/", "app", 5],
  ["lib/server/http/", "http", 4],
  ["lib/server/auth/", "auth", 3],
  ["lib/server/startup.ts", "startup", 3],
  ["lib/server/features/", "features", 2],
  ["lib/server/services/", "services", 1.5],
  // Prisma's generated enums are plain values (no client): the declarations list SessionKind.
  ["lib/server/db/generated/enums.ts", "shared", 0],
  ["lib/server/", "kernel", 1],
  // The OpenAPI document is built from the kernel's error table.
  ["lib/openapi/", "kernel", 1],
  ["lib/", "shared", 0],
  ["components/", "shared", 0],
];

function layerOf(file: string): { layer: string; rank: number } | undefined {
  const found = RANKS.find(([prefix]) => file.startsWith(prefix));
  return found && { layer: found[1], rank: found[2] };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const relative = path.join(dir, name);
    if (statSync(path.join(ROOT, relative)).isDirectory()) return name === "generated" || name === "testing" ? [] : sourceFiles(relative);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [relative] : [];
  });
}

/** The repository-relative file an import names, or undefined for a package. */
function resolve(from: string, specifier: string): string | undefined {
  const target = specifier.startsWith("@/") ? specifier.slice(2) : specifier.startsWith(".") ? path.join(path.dirname(from), specifier) : undefined;
  if (!target) return undefined;
  for (const candidate of [`${target}.ts`, `${target}.tsx`, path.join(target, "index.ts")]) {
    try {
      if (statSync(path.join(ROOT, candidate)).isFile()) return path.normalize(candidate);
    } catch {
      // not this one
    }
  }
  return path.normalize(target);
}

/** Run-time imports of a module (type-only ones are erased), with what they resolve to. */
export function runtimeImports(file: string, source: string): string[] {
  const found: string[] = [];
  for (const [, typeOnly, specifier] of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?["']([^"']+)["']/gm)) {
    if (typeOnly) continue;
    const target = resolve(file, specifier!);
    if (target) found.push(target);
  }
  return found;
}

describe("the layers", () => {
  const files = ["app", "lib", "components"].flatMap((dir) => sourceFiles(dir));

  it("reads run-time imports and leaves type-only ones out", () => {
    const source = 'import type { A } from "@/lib/server/auth/principal";\nimport { b } from "../services/x";\nexport { c } from "./y";';
    expect(runtimeImports("lib/server/http/z.ts", source)).toEqual(["lib/server/services/x", "lib/server/http/y"]);
  });

  it("finds the modules of every layer", () => {
    const layers = new Set(files.map((file) => layerOf(file)?.layer));
    expect([...layers].sort()).toEqual(["app", "auth", "features", "http", "kernel", "services", "shared", "startup"]);
  });

  it("has no module importing one above it", () => {
    const upward: string[] = [];
    for (const file of files) {
      const from = layerOf(file)!;
      for (const target of runtimeImports(file, readFileSync(path.join(ROOT, file), "utf8"))) {
        const to = layerOf(target);
        if (to && to.rank > from.rank) upward.push(`${file} (${from.layer}) → ${target} (${to.layer})`);
      }
    }
    expect(upward).toEqual([]);
  });

  it("has no feature reaching into another's files (only its index.ts)", () => {
    const featureOf = (file: string) => /^lib\/server\/features\/([^/]+)\//.exec(file)?.[1];
    const reaching: string[] = [];
    for (const file of files.filter((candidate) => featureOf(candidate))) {
      for (const target of runtimeImports(file, readFileSync(path.join(ROOT, file), "utf8"))) {
        const other = featureOf(target);
        if (other && other !== featureOf(file) && target !== `lib/server/features/${other}/index.ts`) reaching.push(`${file} → ${target}`);
      }
    }
    expect(reaching).toEqual([]);
  });
});

