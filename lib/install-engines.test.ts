import { readFileSync } from "node:fs";
import path from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";

// npm warns EBADENGINE for every installed package whose `engines.node` the running Node fails,
// a warning a person installing the portal cannot act on. Every package in the lock file must
// accept every Node version package.json says the portal runs on (and .ci/run fails on the
// warning itself, for whatever this test cannot see).
const ROOT = process.cwd();
const read = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), "utf8"));

const manifest = read("package.json") as { engines: { node: string } };
const lock = read("package-lock.json") as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[]; os?: string[]; cpu?: string[] }>;
};

/** npm installs (and checks) a platform-restricted optional package only on its platform. */
const installableHere = (entry: { os?: string[]; cpu?: string[] }) =>
  (!entry.os || entry.os.includes(process.platform)) && (!entry.cpu || entry.cpu.includes(process.arch));

describe("dependencies' engines", () => {
  it("says which Node versions the portal supports", () => {
    expect(semver.validRange(manifest.engines.node)).toBeTruthy();
  });

  it("accepts, in every locked package, every Node version the portal supports", () => {
    const refusing = Object.entries(lock.packages)
      .filter(([key, entry]) => key && installableHere(entry) && !Array.isArray(entry.engines) && entry.engines?.node)
      .filter(([, entry]) => !semver.subset(manifest.engines.node, (entry.engines as { node: string }).node))
      .map(([key, entry]) => `${key.slice(key.lastIndexOf("node_modules/") + 13)}@${entry.version} wants node ${(entry.engines as { node: string }).node}`);
    expect(refusing).toEqual([]);
  });
});
