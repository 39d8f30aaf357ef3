// Applies pending migrations to the configured database; runs before `dev` and `start`.
import { describeTarget, databaseTarget, openRawConnection } from "../lib/server/db/driver";
import { applyMigrations } from "../lib/server/db/migrate";
import { config } from "../lib/server/config";

async function main() {
  config();
  const target = databaseTarget();
  const connection = await openRawConnection(target);
  try {
    const applied = await applyMigrations(connection);
    const summary = applied.length ? `applied ${applied.join(", ")}` : "no pending migrations";
    console.log(`[migrate] ${describeTarget(target)}: ${summary}`);
  } finally {
    await connection.close();
  }
}

main().then(
  // Explicit exit: PGlite's Emscripten runtime keeps timers alive for a while after close().
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[migrate] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
