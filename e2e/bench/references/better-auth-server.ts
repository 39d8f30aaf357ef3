// Better Auth behind a plain node:http server, run as its own process by startBetterAuth
// (better-auth.ts) so that, like the portal, it has an event loop and a libuv pool of its own.
// Settings come from the environment: PORT, BETTER_AUTH_BENCH_COST and, for PostgreSQL,
// BETTER_AUTH_BENCH_DATABASE_URL (an empty database of its own); without it, the memory adapter.
import bcrypt from "bcrypt";
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { betterAuth, type BetterAuthOptions } from "better-auth";
import { memoryAdapter } from "better-auth/adapters/memory";
import { getMigrations } from "better-auth/db/migration";
import { toNodeHandler } from "better-auth/node";
import { Pool } from "pg";

async function main() {
  const port = Number(process.env.PORT);
  const cost = Number(process.env.BETTER_AUTH_BENCH_COST);
  if (!port || !cost) throw new Error("PORT and BETTER_AUTH_BENCH_COST are required");
  const databaseUrl = process.env.BETTER_AUTH_BENCH_DATABASE_URL;

  const options = {
    baseURL: `http://127.0.0.1:${port}`,
    secret: randomBytes(32).toString("hex"),
    database: databaseUrl ? new Pool({ connectionString: databaseUrl }) : memoryAdapter({ user: [], session: [], account: [], verification: [] }),
    emailAndPassword: {
      enabled: true,
      // The portal's binding and cost, so both spend the same CPU per hash and per check.
      password: {
        hash: (password: string) => bcrypt.hash(password, cost),
        verify: ({ hash, password }: { hash: string; password: string }) => bcrypt.compare(password, hash),
      },
    },
    // The bench sends thousands of requests from one address; the portal's bench loosens its limits too.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
  } satisfies BetterAuthOptions;

  if (databaseUrl) {
    const { runMigrations } = await getMigrations(options);
    await runMigrations();
  }
  const auth = betterAuth(options);
  const server = createServer(toNodeHandler(auth));
  server.listen(port, "127.0.0.1", () => console.log(`[better-auth] listening on ${options.baseURL} (bcrypt cost ${cost}, ${databaseUrl ? "PostgreSQL" : "memory adapter"})`));
  process.once("SIGTERM", () => {
    server.close();
    server.closeAllConnections();
    if (options.database instanceof Pool) void options.database.end();
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
