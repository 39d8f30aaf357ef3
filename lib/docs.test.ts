import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv, SETTING_NAMES } from "./server/config";
import { ERROR_TABLE } from "./server/errors";

// The README and docs/ are what an operator and an integrator get with a clone: they must document
// the settings and the errors this code has, and send no one to a file the clone lacks.
const ROOT = process.cwd();
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

/** Every .md under `dir`, relative to the repository. */
function markdownUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownUnder(relative);
    return entry.name.endsWith(".md") ? [relative] : [];
  });
}

/**
 * The targets of `[text](target)` and `![alt](target)` outside code, which is where examples
 * such as `[x](y)` may appear without being links.
 */
function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, "").replace(/`[^`\n]*`/g, "");
  return [...prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1]!);
}

/** Links to files in the clone: not to the web, not mail, not an anchor in the same page. */
function relativeTargets(markdown: string): string[] {
  return linkTargets(markdown)
    .filter((target) => !/^(https?:|mailto:|#)/i.test(target))
    .map((target) => decodeURIComponent(target.split("#")[0]!));
}

/** The lines of `doc`'s section under `heading`, up to the next heading of that level. */
function section(doc: string, heading: string): string {
  const text = read(doc);
  const start = text.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`${doc} has no "${heading}" section`);
  const level = heading.split(" ")[0]!;
  const end = text.indexOf(`\n${level} `, start + heading.length + 2);
  return text.slice(start, end < 0 ? undefined : end);
}

const DOCUMENTS = ["README.md", ...markdownUnder("docs")];

describe("README and docs/", () => {
  it("keep the README short", () => {
    expect(read("README.md").split("\n").length).toBeLessThanOrEqual(200);
  });

  it("link only to files and directories in the repository", () => {
    expect(DOCUMENTS.length).toBeGreaterThan(5);
    for (const doc of DOCUMENTS) {
      for (const target of relativeTargets(read(doc))) {
        const resolved = path.resolve(ROOT, path.dirname(doc), target);
        const inside = resolved === ROOT || resolved.startsWith(ROOT + path.sep);
        expect({ doc, target, inside, exists: existsSync(resolved) }).toEqual({ doc, target, inside: true, exists: true });
      }
    }
  });

  it("send a README reader to every document", () => {
    const linked = new Set(relativeTargets(read("README.md")).map((target) => path.normalize(target).replace(/\/$/, "")));
    for (const doc of ["docs/api.md", "docs/operations.md", "docs/security.md", "docs/performance.md", "docs/architecture.md", "docs/decisions"]) {
      expect({ doc, linked: linked.has(doc) }).toEqual({ doc, linked: true });
    }
  });

  it("list every error code with its status and exact message (docs/api.md)", () => {
    const lines = read("docs/api.md").split("\n");
    for (const [code, { status, message }] of Object.entries(ERROR_TABLE)) {
      const row = lines.find((line) => line.startsWith(`| ${status} | \`${code}\` |`));
      expect({ code, row }).toEqual({ code, row: expect.stringContaining(`| ${message} |`) });
    }
  });

  it("have a row for every setting, with its range when it is a number (docs/operations.md)", () => {
    const settings = section("docs/operations.md", "## Settings").split("\n").filter((line) => line.startsWith("| `"));
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
