// Preloaded into the server by `npm run soak` (NODE_OPTIONS=--require): what only the server's
// own process can measure, written every second to SOAK_PROBE_FILE: resident memory and the
// event loop's delay since the last SIGUSR2 (the soak sends one when its warm-up ends).
const { writeFileSync } = require("node:fs");
const { monitorEventLoopDelay } = require("node:perf_hooks");

const file = process.env.SOAK_PROBE_FILE;
if (file) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  process.on("SIGUSR2", () => delay.reset());
  setInterval(() => {
    const ms = (ns) => Math.round(ns / 1e5) / 10;
    const sample = { rss: process.memoryUsage().rss, loopP99Ms: ms(delay.percentile(99)), loopMaxMs: ms(delay.max), at: Date.now() };
    writeFileSync(file, JSON.stringify(sample));
  }, 1000).unref();
}
