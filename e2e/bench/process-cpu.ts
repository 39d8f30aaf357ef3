// CPU time of a process and of its main thread (the event loop), read from Linux's /proc: where a
// load's cores went (issue #12). Elsewhere there is no figure (undefined).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

export interface CpuSeconds {
  total: number;
  mainThread: number;
}

let ticksPerSecond: number | undefined;

/** utime + stime of one /proc stat line, in seconds (fields 14 and 15, after the parenthesised name). */
function statSeconds(path: string): number {
  ticksPerSecond ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  const line = readFileSync(path, "utf8");
  const fields = line.slice(line.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
}

export function cpuSeconds(pid: number): CpuSeconds | undefined {
  if (process.platform !== "linux") return undefined;
  try {
    return { total: statSeconds(`/proc/${pid}/stat`), mainThread: statSeconds(`/proc/${pid}/task/${pid}/stat`) };
  } catch {
    return undefined;
  }
}

/** What each of `pids` spent while `work` ran (undefined where /proc could not tell), and the wall time. */
export async function cpuDuring<T>(pids: number[], work: () => Promise<T>): Promise<{ result: T; seconds: number; cpu: Array<CpuSeconds | undefined> }> {
  const before = pids.map(cpuSeconds);
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  const cpu = pids.map((pid, index) => {
    const [start, end] = [before[index], cpuSeconds(pid)];
    return start && end ? { total: end.total - start.total, mainThread: end.mainThread - start.mainThread } : undefined;
  });
  return { result, seconds, cpu };
}
