import "server-only";
import { SchemaBehindError } from "../db/errors";
import { migrationNames, pendingMigrations } from "../db/shipped-migrations";
import { healthRepository } from "../repositories/health-repository";

// Load balancers poll readiness every few seconds. Migrations are never undone under a running
// server, so once the schema has been seen current one round trip (SELECT 1) is all a poll costs.
let schemaSeenCurrent = false;
let shipped: string[] | undefined;

/**
 * Ready: the database answers and has every migration this build ships. An instance started
 * before its migrations ran (a deploy whose migration step failed or has not run yet) would
 * answer with errors, so it stays out of rotation until they are applied.
 */
export async function checkReadiness(): Promise<void> {
  if (schemaSeenCurrent) return healthRepository.ping();
  shipped ??= migrationNames();
  const pending = pendingMigrations(await healthRepository.appliedMigrations(), shipped);
  if (pending.length) throw new SchemaBehindError(pending);
  schemaSeenCurrent = true;
}
