import { describe, expect, it } from "vitest";
import { concurrencyLimit, QueueFullError } from "./concurrency-limit";

/** A task the test finishes when it chooses, recording when it started. */
function controlledTask(started: string[], name: string) {
  let finish!: () => void;
  const gate = new Promise<void>((resolve) => (finish = resolve));
  const task = async () => {
    started.push(name);
    await gate;
    return name;
  };
  return { task, finish };
}

/** Lets every pending promise reaction run (no timers: the order of events is the test's). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** How a call ends within one turn of the event loop: its error, its value, or still waiting. */
async function outcomeAtOnce(call: Promise<unknown>) {
  return Promise.race([call.then((value) => ({ value }), (error: unknown) => ({ error })), settle().then(() => "still waiting")]);
}

/** Resolves after `hops` microtask turns. */
async function afterMicrotasks(hops: number) {
  for (let i = 0; i < hops; i++) await Promise.resolve();
}

describe("concurrencyLimit", () => {
  it("never runs more than the limit at once, and runs every task in arrival order", async () => {
    const run = concurrencyLimit(2);
    const started: string[] = [];
    const tasks = ["a", "b", "c", "d", "e"].map((name) => controlledTask(started, name));
    const results = tasks.map(({ task }) => run(task));

    await settle();
    expect(started).toEqual(["a", "b"]);
    tasks[1]!.finish();
    await settle();
    expect(started).toEqual(["a", "b", "c"]);
    tasks[0]!.finish();
    tasks[2]!.finish();
    await settle();
    expect(started).toEqual(["a", "b", "c", "d", "e"]);
    tasks[3]!.finish();
    tasks[4]!.finish();
    expect(await Promise.all(results)).toEqual(["a", "b", "c", "d", "e"]);
  });

  it("refuses at once, without running it, a task that finds the queue full", async () => {
    const run = concurrencyLimit(1, 2);
    const started: string[] = [];
    const [running, first, second, refused] = ["running", "first", "second", "refused"].map((name) => controlledTask(started, name)) as [
      ReturnType<typeof controlledTask>,
      ReturnType<typeof controlledTask>,
      ReturnType<typeof controlledTask>,
      ReturnType<typeof controlledTask>,
    ];
    const accepted = [running, first, second].map(({ task }) => run(task));

    expect(await outcomeAtOnce(run(refused.task))).toEqual({ error: expect.any(QueueFullError) });
    expect(started).toEqual(["running"]);

    // A place freed in the queue is taken again; the refused task never ran.
    running.finish();
    await settle();
    const late = controlledTask(started, "late");
    const lateResult = run(late.task);
    first.finish();
    second.finish();
    late.finish();
    expect(await Promise.all([...accepted, lateResult])).toEqual(["running", "first", "second", "late"]);
    expect(started).toEqual(["running", "first", "second", "late"]);
  });

  it("refuses any wait at all with a queue bound of 0", async () => {
    const run = concurrencyLimit(1, 0);
    const started: string[] = [];
    const running = controlledTask(started, "running");
    const result = run(running.task);
    expect(await outcomeAtOnce(run(controlledTask(started, "refused").task))).toEqual({ error: expect.any(QueueFullError) });
    running.finish();
    expect(await result).toBe("running");
    expect(await run(async () => "after")).toBe("after");
  });

  // However the microtasks of other requests interleave with a release, the freed slot goes to
  // the longest waiter, and the limit holds.
  it.each(Array.from({ length: 8 }, (_, hops) => hops))("hands a freed slot to the waiter, not to a task arriving %i microtasks later", async (hops) => {
    const run = concurrencyLimit(1, 5);
    const started: string[] = [];
    let active = 0;
    let peak = 0;
    const counted = (name: string) => {
      const controlled = controlledTask(started, name);
      const task = async () => {
        active += 1;
        peak = Math.max(peak, active);
        try {
          return await controlled.task();
        } finally {
          active -= 1;
        }
      };
      return { task, finish: controlled.finish };
    };
    const [first, waiter, newcomer] = [counted("first"), counted("waiter"), counted("newcomer")];
    const results = [run(first.task), run(waiter.task)];
    await settle();

    first.finish();
    await afterMicrotasks(hops);
    results.push(run(newcomer.task));
    await settle();

    expect(peak).toBe(1);
    expect(started).toEqual(["first", "waiter"]);
    waiter.finish();
    newcomer.finish();
    expect(await Promise.all(results)).toEqual(["first", "waiter", "newcomer"]);
  });

  it("frees the slot when a task fails", async () => {
    const run = concurrencyLimit(1);
    await expect(run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(run(async () => "next")).resolves.toBe("next");
  });
});
