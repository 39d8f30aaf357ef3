import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// npm runs a dependency's install script only when package.json's allowScripts approves it, and
// warns of every one it has no word on. Every script in the lock file gets a word, so `npm ci`
// stays quiet and a new dependency's script is a decision, not an accident.
const ROOT = process.cwd();
const read = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), "utf8"));

const manifest = read("package.json") as { allowScripts?: Record<string, boolean> };
const lock = read("package-lock.json") as { packages: Record<string, { hasInstallScript?: boolean; name?: string }> };

/** The package name of a lock entry's key ("node_modules/a/node_modules/@b/c" → "@b/c"). */
const nameOf = (key: string) => key.slice(key.lastIndexOf("node_modules/") + "node_modules/".length);

/** The dependencies whose install script the portal needs: bcrypt builds its addon where no prebuilt one fits. */
const NEEDED = ["bcrypt"];

describe("install scripts", () => {
  const withScripts = [...new Set(Object.entries(lock.packages).filter(([key, entry]) => key && entry.hasInstallScript).map(([key]) => nameOf(key)))].sort();

  it("has a word in allowScripts for every dependency with one, and none for a package without", () => {
    expect(Object.keys(manifest.allowScripts ?? {}).sort()).toEqual(withScripts);
  });

  it("runs only the scripts the portal needs", () => {
    const allowed = Object.entries(manifest.allowScripts ?? {}).filter(([, allow]) => allow).map(([name]) => name);
    expect(allowed.sort()).toEqual(NEEDED);
  });
});
