import "server-only";
import { config, readOrExit } from "./config";
import { database } from "./db/client";
import { onShutdown } from "./lifecycle";
import type { JobHandlers } from "./mail/deliver-job";
import { startMailSender } from "./mail/sender";

/**
 * A bad setting must stop the server at start-up, naming the variable, rather than surface as a
 * 500 on the first request: Next.js only logs an error thrown from the instrumentation hook and
 * keeps serving.
 */
export function checkConfigurationOrExit(): void {
  readOrExit(config);
}

/**
 * The outbox's sender, in every server process: jobs left by a crash or a restart go out now,
 * without waiting for a request. On SIGTERM (server.ts, after in-flight requests) it settles the
 * jobs in hand, then the database is closed (PGlite writes its last pages). `jobHandlers` are the
 * features' outbox jobs that are not mail yet (instrumentation.ts, the composition root, names them).
 */
export function startBackgroundWork(jobHandlers: JobHandlers): void {
  const sender = startMailSender(jobHandlers);
  onShutdown(() => sender.stop());
  onShutdown(() => database().$disconnect());
}
