import "server-only";

/**
 * Runs at most `limit` tasks at once; the rest wait in arrival order. Used to keep bcrypt from
 * occupying more threads than there are cores: libuv's default pool has four threads, and on a
 * two-core machine four busy bcrypt threads starve the event loop (every other request waits).
 */
export function concurrencyLimit(limit: number) {
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    running -= 1;
    waiting.shift()?.();
  };
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      release();
    }
  };
}
