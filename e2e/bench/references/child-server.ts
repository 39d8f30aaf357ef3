// A reference server in a process of its own (its own event loop and thread pool, as the portal
// has), its output in a log file, ready once `isUp` says so.
import { spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";

export interface ChildServer {
  stop(): Promise<void>;
}

export async function startChildServer({
  name,
  args,
  env,
  logFile,
  isUp,
}: {
  name: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  logFile: string;
  isUp: () => Promise<boolean>;
}): Promise<ChildServer> {
  const log = openSync(logFile, "a");
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", log, log] });
  closeSync(log);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
    });

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${readFileSync(logFile, "utf8").slice(-2000)}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${name} did not start within 60 s`);
    }
    try {
      if (await isUp()) return { stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
