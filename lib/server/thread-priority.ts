// The event loop ahead of the thread pool. bcrypt runs on libuv's pool threads and keeps every
// core busy under password load; at equal priority the loop gets a pool thread's share of a core,
// so a health check, a cheap 401 or a hash's own bookkeeping waits behind hashing (p99 in the
// hundreds of ms in `npm run bench`, issue #12). With the pool (and V8's helper threads) at a
// lower priority the loop runs as soon as it has work, and the hashes take the rest: the same
// CPU for bcrypt overall, without the wait. Imported by server.ts (no "server-only" marker).
import { readdirSync, stat } from "node:fs";
import { setPriority } from "node:os";

/** Nice value of the process's other threads; the loop stays at the process's own. */
const BACKGROUND_NICE = 10;

/** Linux only (threads have their own nice value there); elsewhere it does nothing. */
export async function putEventLoopFirst(): Promise<number> {
  if (process.platform !== "linux") return 0;
  // libuv starts its whole pool on the first task: after this every pool thread exists.
  await new Promise((resolve) => stat(".", resolve));
  let lowered = 0;
  for (const tid of readdirSync("/proc/self/task")) {
    if (tid === String(process.pid)) continue;
    try {
      setPriority(Number(tid), BACKGROUND_NICE);
      lowered += 1;
    } catch {
      // A thread that ended meanwhile.
    }
  }
  return lowered;
}
