import "server-only";

/** Thrown instead of queueing when `maxQueue` tasks already wait. */
export class QueueFullError extends Error {
  constructor() {
    super("concurrency limit: queue full");
    this.name = "QueueFullError";
  }
}

/**
 * Runs at most `limit` tasks at once; up to `maxQueue` more wait in arrival order, and any task
 * beyond that is refused at once with QueueFullError. Used to keep bcrypt from occupying more
 * threads than there are cores: libuv's default pool has four threads, and on a two-core machine
 * four busy bcrypt threads starve the event loop (every other request waits). The queue is
 * bounded because every login costs a hash: without a bound, a burst makes every caller wait
 * behind it, and a caller who gives up still leaves its hash to be computed.
 */
export function concurrencyLimit(limit: number, maxQueue = Number.POSITIVE_INFINITY) {
  let running = 0;
  const waiting: Array<() => void> = [];
  // A freed slot passes straight to the longest waiter. Freed first and taken when the waiter
  // resumes, it went to any task arriving in a microtask already queued: past the limit, out of order.
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };
  const isFull = () => running >= limit && waiting.length >= maxQueue;
  async function run<T>(task: () => Promise<T>): Promise<T> {
    if (running < limit) running += 1;
    else if (waiting.length >= maxQueue) throw new QueueFullError();
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      release();
    }
  }
  /** True when a task arriving now would be refused. */
  run.isFull = isFull;
  return run;
}
