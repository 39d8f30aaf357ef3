// What must run before the process exits on SIGTERM, registered by the code that started it (the
// mail sender, the database client) and run by server.ts once requests have finished. Kept on
// globalThis: server.ts and Next's bundles each load their own copy of this module.
// No "server-only" marker: server.ts runs outside Next.js.

type Hook = () => Promise<void>;

const holder = globalThis as typeof globalThis & { __accountPortalShutdownHooks?: Hook[] };

export function onShutdown(hook: Hook): void {
  (holder.__accountPortalShutdownHooks ??= []).push(hook);
}

/** Runs the hooks in the order they were registered; a failing one is logged and the rest still run. */
export async function runShutdownHooks(): Promise<void> {
  for (const hook of holder.__accountPortalShutdownHooks ?? []) {
    await hook().catch((error: unknown) => console.error("[server] shutdown step failed:", (error as Error)?.message));
  }
}
