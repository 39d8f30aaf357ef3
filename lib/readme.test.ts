import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv, SETTING_NAMES } from "./server/config";
import { ERROR_TABLE } from "./server/errors";

// The README is what an operator and an integrator get with a clone: it must document the
// settings and the API this code has, and send no one to a file the clone lacks.
const ROOT = process.cwd();
const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");

/** The lines of the README's section under `heading`, up to the next heading of that level. */
function section(heading: string): string {
  const start = readme.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`README has no "${heading}" section`);
  const level = heading.split(" ")[0]!;
  const end = readme.indexOf(`\n${level} `, start + heading.length + 2);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** `METHOD /path` of every route handler under `dir` (catch-all routes excepted). */
function routes(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith("[...")) found.push(...routes(full));
    if (entry.name !== "route.ts") continue;
    const urlPath = `/${path.relative(ROOT, dir).split(path.sep).slice(1).join("/")}`.replace(/\[(\w+)\]/g, "{$1}");
    for (const [, method] of readFileSync(full, "utf8").matchAll(/^export const (GET|POST|PUT|PATCH|DELETE)\b/gm)) {
      found.push(`${method} ${urlPath}`);
    }
  }
  return found;
}

describe("README", () => {
  it("points at nothing outside the repository", () => {
    expect(readme).not.toMatch(/\.\.\//);
  });

  it("documents every endpoint under its own heading", () => {
    const api = section("## API");
    // Under /api, and the seeds' routes outside it (/auth/v1/…, /v1/…).
    const documented = ["api", "auth", "v1"].flatMap((top) => routes(path.join(ROOT, "app", top)));
    expect(documented.length).toBeGreaterThanOrEqual(14);
    for (const route of documented) expect({ route, heading: api.includes(`### \`${route}\``) }).toEqual({ route, heading: true });
  });

  it("lists every error code with its status and exact message", () => {
    const api = section("## API");
    for (const [code, { status, message }] of Object.entries(ERROR_TABLE)) {
      const row = api.split("\n").find((line) => line.startsWith(`| ${status} | \`${code}\` |`));
      expect({ code, row }).toEqual({ code, row: expect.stringContaining(`| ${message} |`) });
    }
  });

  it("has a row for every setting, with its range when it is a number", () => {
    const settings = section("## Settings").split("\n").filter((line) => line.startsWith("| `"));
    for (const name of SETTING_NAMES) {
      const row = settings.find((line) => line.split("|")[1]!.includes(`\`${name}\``));
      expect({ name, documented: row !== undefined }).toEqual({ name, documented: true });
      let message = "";
      try {
        parseEnv({ NODE_ENV: "development", [name]: "not a number" });
      } catch (error) {
        if (error instanceof ConfigError) message = error.message;
      }
      const range = /must be a whole number from (\d+) to (\d+)/.exec(message);
      if (range) expect({ name, row }).toEqual({ name, row: expect.stringContaining(`${range[1]}–${range[2]}`) });
    }
  });
});
