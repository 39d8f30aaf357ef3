// The portal's HTTP server: Next.js behind a thin layer that settles who the client is.
// Next.js keeps a client-sent X-Forwarded-For and route handlers never see the socket, so without
// this layer any client could pick the address that rate limits and the deny list key on.
import { createServer, type ServerResponse } from "node:http";
import next from "next";
import { parseEnv, readOrExit } from "./lib/server/config";
import { databaseTarget, describeTarget, isInMemory, openServedInMemoryDatabase } from "./lib/server/db/driver";
import { applyMigrations, migrationReport } from "./lib/server/db/migrate";
import { runShutdownHooks } from "./lib/server/lifecycle";
import { putEventLoopFirst } from "./lib/server/thread-priority";
import { FORWARDING_HEADERS, trustedClientAddress } from "./lib/traffic/client-address";
import { FETCH_FORBIDDEN_METHODS, isRefusedMethod, REFUSED_METHOD_HEADER } from "./lib/served-routes";

/**
 * `prestart` and `predev` (prisma/migrate.ts) migrate every database but an in-memory one, which
 * exists only inside the process that opened it: this one migrates it before serving.
 */
async function migrateInMemoryDatabase() {
  const target = databaseTarget();
  if (!isInMemory(target)) return;
  const applied = await applyMigrations(openServedInMemoryDatabase(target));
  console.log(migrationReport(`${describeTarget(target)} (this process)`, applied));
}

/** The path of a request target ("/a/b?c" → "/a/b"), as Next.js routes it. */
function pathOf(target = "/"): string {
  try {
    return new URL(target, "http://server").pathname;
  } catch {
    return target;
  }
}

async function main() {
  const env = readOrExit(() => parseEnv(process.env));
  await migrateInMemoryDatabase();
  // NODE_ENV=test serves the production build too, with the test-only settings production refuses.
  const dev = env.NODE_ENV === "development";
  // Development shows every reset code at /dev/outbox: unless HOST says otherwise it stays on this machine.
  const host = env.HOST ?? (dev ? "127.0.0.1" : undefined);
  const app = next({ dev, turbopack: dev, hostname: env.HOST ?? "localhost", port: env.PORT });
  await app.prepare();
  await putEventLoopFirst();
  const handle = app.getRequestHandler();

  let stopping = false;
  // Answers still to be written: once stopping, they close their connection instead of keeping it alive.
  const inFlight = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    inFlight.add(response);
    response.once("close", () => inFlight.delete(response));
    // A keep-alive client learns to reconnect (to another instance) once this one is stopping.
    if (stopping) response.shouldKeepAlive = false;
    const client = trustedClientAddress(request.socket.remoteAddress, request.headers, env.TRUST_PROXY);
    for (const header of FORWARDING_HEADERS) delete request.headers[header];
    // The one address the app reads (lib/server/http/client-context.ts).
    request.headers["x-forwarded-for"] = client;
    // The proxy runs for pages and for these only (see proxy.ts's matcher and lib/served-routes.ts).
    delete request.headers[REFUSED_METHOD_HEADER];
    const method = request.method ?? "GET";
    if (FETCH_FORBIDDEN_METHODS.has(method) || isRefusedMethod(pathOf(request.url), method)) {
      request.headers[REFUSED_METHOD_HEADER] = method;
      if (FETCH_FORBIDDEN_METHODS.has(method)) request.method = "GET";
    }
    void handle(request, response);
  });
  const ready = () =>
    console.log(`[server] ${env.NODE_ENV} on port ${env.PORT} (${host ?? "all interfaces"}; trusted proxies: ${env.TRUST_PROXY})`);
  if (host) server.listen(env.PORT, host, ready);
  else server.listen(env.PORT, ready);

  /**
   * SIGTERM (a deploy, a scale-down): stop accepting, let in-flight requests finish within
   * SHUTDOWN_TIMEOUT_MS, then let the mail sender settle the jobs in hand and close the database,
   * and exit 0. What is still unfinished at the deadline is safe to drop: a request without an
   * answer has committed entirely or not at all, and a job whose send was cut short is claimed
   * again by the next sender.
   */
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const deadline = Date.now() + env.SHUTDOWN_TIMEOUT_MS;
    console.log(`[server] ${signal}: no new connections; finishing in-flight requests (up to ${env.SHUTDOWN_TIMEOUT_MS} ms)`);
    for (const response of inFlight) response.shouldKeepAlive = false;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // A keep-alive connection whose answer went out before the flag was set is idle now or soon.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    server.closeIdleConnections();
    await Promise.race([closed, sleep(env.SHUTDOWN_TIMEOUT_MS)]);
    clearInterval(sweep);
    server.closeAllConnections();
    await Promise.race([runShutdownHooks(), sleep(Math.max(deadline - Date.now(), 1_000))]);
    console.log("[server] stopped");
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
