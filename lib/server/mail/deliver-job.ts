import "server-only";
import { config } from "../config";
import { logger } from "../log";
import { mailJobRepository, type ClaimedJob } from "../repositories/mail-job-repository";
import { mailer, type MailMessage } from "./mailer";
import { retryDelayMs } from "./retry-schedule";
import { unseal, UnsealableError } from "../security/sealed";

/**
 * What the outbox keeps of a failure: the error's code and the SMTP reply code, never the text
 * (a mail server's reply can quote the recipient or the message).
 */
export function describeFailure(error: unknown): string {
  const { code, responseCode, command } = (error ?? {}) as { code?: unknown; responseCode?: unknown; command?: unknown };
  const parts = [typeof code === "string" ? code : (error as Error)?.name ?? "Error"];
  if (typeof responseCode === "number") parts.push(String(responseCode));
  if (typeof command === "string" && /^[A-Z ]{2,12}$/.test(command)) parts.push(command);
  return parts.join(" ").slice(0, 100);
}

/** A 5xx reply refuses the message for good (unknown mailbox, policy): retrying cannot help. */
const isPermanent = (error: unknown) => {
  const responseCode = (error as { responseCode?: unknown })?.responseCode;
  return typeof responseCode === "number" && responseCode >= 500 && responseCode < 600;
};

async function giveUp(job: ClaimedJob, reason: string, level: "error" | "warn") {
  if (await mailJobRepository.markDead(job.id, job.attempts, reason, new Date())) {
    logger()[level]({ job: job.id, kind: job.kind, attempts: job.attempts, reason }, "mail given up");
  }
}

/**
 * Outbox jobs that are not mail yet, by kind, and what turns each into its mail: a feature that
 * queues such a job hands its handler to the sender at start-up (instrumentation.ts), so the outbox
 * imports no feature. A handler's failure is retried like a send's.
 */
export type JobHandlers = Readonly<Record<string, (job: ClaimedJob) => Promise<void>>>;

/**
 * One claimed job: a job of a kind in `handlers` (a forgot-password request) is turned into its
 * mail (or dropped) by its handler; a mail is sent
 * and marked sent only once SMTP accepted it; a failure is retried on the schedule, until
 * MAIL_MAX_ATTEMPTS or a permanent refusal, when it is given up and logged once at error level.
 */
export async function deliverJob(job: ClaimedJob, handlers: JobHandlers = {}): Promise<void> {
  const { mailSealKey, mailMaxAttempts, mailRetryBaseMs } = config();
  if (job.expiresAt && job.expiresAt.getTime() < Date.now()) return giveUp(job, "EXPIRED", "warn");
  try {
    const handler = Object.hasOwn(handlers, job.kind) ? handlers[job.kind] : undefined;
    if (handler) return await handler(job);
    const message = unseal<MailMessage>(job.body ?? "", mailSealKey, job.id);
    await mailer().send(message);
  } catch (error) {
    const reason = describeFailure(error);
    if (isPermanent(error) || job.attempts >= mailMaxAttempts) return giveUp(job, reason, "error");
    const delay = retryDelayMs(job.attempts, mailRetryBaseMs);
    // A body this process cannot open may be another instance's, sealed under its NEXTAUTH_SECRET
    // (a misconfiguration, or a rollout changing it): retried, so that instance can still send it.
    const hint = error instanceof UnsealableError ? { hint: "is NEXTAUTH_SECRET the same on every instance?" } : {};
    logger().warn({ job: job.id, kind: job.kind, attempts: job.attempts, reason, retryInMs: delay, ...hint }, "mail not sent; will retry");
    return mailJobRepository.markFailed(job.id, job.attempts, reason, new Date(Date.now() + delay));
  }
  await mailJobRepository.markSent(job.id, new Date());
  logger().info({ job: job.id, kind: job.kind, attempts: job.attempts }, "mail sent");
}
