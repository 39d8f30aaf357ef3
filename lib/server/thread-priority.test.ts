import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/** Nice values of a fresh process's threads after it called putEventLoopFirst: [main, ...others]. */
function niceValuesAfterCall(): number[] {
  const script = `
    const { readdirSync, readFileSync } = require("node:fs");
    const nice = (tid) => Number(readFileSync("/proc/self/task/" + tid + "/stat", "utf8").split(") ")[1].split(" ")[16]);
    require("./lib/server/thread-priority.ts").putEventLoopFirst().then(() => {
      const others = readdirSync("/proc/self/task").filter((tid) => tid !== String(process.pid));
      console.log(JSON.stringify([nice(process.pid), ...others.map(nice)]));
    });`;
  return JSON.parse(execFileSync(process.execPath, ["--import", "tsx", "-e", script], { cwd: process.cwd(), encoding: "utf8" }));
}

describe.runIf(process.platform === "linux")("putEventLoopFirst", () => {
  it("lowers every other thread (libuv's pool among them) and leaves the event loop's priority", () => {
    const [main, ...others] = niceValuesAfterCall();
    expect(main).toBe(0);
    expect(others.length).toBeGreaterThanOrEqual(4);
    expect(others.every((nice) => nice === 10)).toBe(true);
  });
});
