// Applies pending migrations to the configured database; runs before `dev` and `start`.
import { describeTarget, databaseTarget, isInMemory, openRawConnection } from "../lib/server/db/driver";
import { applyMigrations, migrationReport } from "../lib/server/db/migrate";
import { config, readOrExit } from "../lib/server/config";

async function main() {
  // The first step of `npm start` and `npm run dev`: a bad setting stops here, in its own words.
  readOrExit(config);
  const target = databaseTarget();
  if (isInMemory(target)) {
    // One migrated here would vanish with this process: the server migrates its own (server.ts).
    console.log(`[migrate] ${describeTarget(target)}: left to the server, which migrates its in-memory database before serving`);
    return;
  }
  const connection = await openRawConnection(target);
  try {
    console.log(migrationReport(describeTarget(target), await applyMigrations(connection)));
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
