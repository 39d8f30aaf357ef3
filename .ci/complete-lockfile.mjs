// Run after `npm install` changes package-lock.json.
// The registry these machines reach serves only Linux builds of Next's compiler (@next/swc-*),
// so npm leaves the macOS and Windows ones out of the lock file, and `npm ci` then refuses the
// lock as out of sync. This adds them back as optional, platform-restricted entries, which npm
// records but never downloads on Linux (exactly what a full lock file would say).
import { readFileSync, writeFileSync } from "node:fs";

const LOCK = "package-lock.json";
const PLATFORMS = {
  "darwin-arm64": ["darwin", "arm64"],
  "darwin-x64": ["darwin", "x64"],
  "win32-arm64-msvc": ["win32", "arm64"],
  "win32-x64-msvc": ["win32", "x64"],
};

const lock = JSON.parse(readFileSync(LOCK, "utf8"));
const version = lock.packages["node_modules/next"].version;
const added = [];
for (const [suffix, [os, cpu]] of Object.entries(PLATFORMS)) {
  const key = `node_modules/@next/swc-${suffix}`;
  if (lock.packages[key]) continue;
  lock.packages[key] = { version, cpu: [cpu], license: "MIT", optional: true, os: [os], engines: { node: ">= 10" } };
  added.push(key);
}
const byPath = ([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b));
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(byPath));
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `added ${added.join(", ")}` : "lock file already complete");
