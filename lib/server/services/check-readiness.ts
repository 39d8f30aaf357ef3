import "server-only";
import { SchemaBehindError } from "../db/errors";
import { migrationNames, pendingMigrations } from "../db/shipped-migrations";
import { healthRepository } from "../repositories/health-repository";
import { FORGOT_PASSWORD_KINDS } from "../mail/outbox";
import { mailJobRepository, type OutboxStats } from "../repositories/mail-job-repository";

// Load balancers poll readiness every few seconds. Migrations are never undone under a running
// server, so once the schema has been seen current one round trip (the outbox's figures, over the
// unsent part of its index) is all a poll costs.
let schemaSeenCurrent = false;
let shipped: string[] | undefined;

/** How long one answer serves every poll: a flood of public readiness checks costs a query a second. */
export const READINESS_KEPT_MS = 1_000;
let kept: { at: number; answer: Promise<OutboxStats> } | undefined;

/**
 * Ready: the database answers and has every migration this build ships. An instance started
 * before its migrations ran (a deploy whose migration step failed or has not run yet) would
 * answer with errors, so it stays out of rotation until they are applied. Returns the mail
 * outbox's figures for whoever watches delivery: a backlog is reported, never a reason to take
 * the instance out of rotation (it sends no mail faster for being out).
 */
export function checkReadiness(): Promise<OutboxStats> {
  const now = Date.now();
  if (kept && now - kept.at < READINESS_KEPT_MS) return kept.answer;
  const answer = measureReadiness();
  kept = { at: now, answer };
  // A failure is shared only while in flight: the next poll after it asks the database again.
  answer.catch(() => {
    if (kept?.answer === answer) kept = undefined;
  });
  return answer;
}

async function measureReadiness(): Promise<OutboxStats> {
  if (!schemaSeenCurrent) {
    shipped ??= migrationNames();
    const pending = pendingMigrations(await healthRepository.appliedMigrations(), shipped);
    if (pending.length) throw new SchemaBehindError(pending);
    schemaSeenCurrent = true;
  }
  // Readiness is public: a forgot-password mail waiting (or its request row vanishing at once)
  // would tell whether an email has an account. Every other kind shows an SMTP outage as well.
  return mailJobRepository.stats(new Date(), FORGOT_PASSWORD_KINDS);
}
