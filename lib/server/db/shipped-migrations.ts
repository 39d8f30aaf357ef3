// The migrations this build ships, by name. A module of its own because readiness, in the app's
// bundle, needs the names only: not the runner (migrate.ts) nor the snapshot tooling.
// No "server-only" marker: scripts and tests load it outside Next.js.
import { readdirSync } from "node:fs";
import path from "node:path";

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

/** Their names, in the order they apply. */
export function migrationNames(dir = MIGRATIONS_DIR): string[] {
  // Read at run time from the checkout the server runs in (npm start migrates from it too); left
  // untraced, or Next would copy the whole project into the build for this one directory.
  return readdirSync(/* turbopackIgnore: true */ dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Which of the migrations this build ships are not among `applied` (finished, not rolled back). */
export function pendingMigrations(applied: Iterable<string>, shipped = migrationNames()): string[] {
  const done = new Set(applied);
  return shipped.filter((name) => !done.has(name));
}
