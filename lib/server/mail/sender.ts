import "server-only";
import { config } from "../config";
import { isDatabaseUnavailable } from "../db/errors";
import { logger } from "../log";
import { mailJobRepository } from "../repositories/mail-job-repository";
import { deliverJob, type JobHandlers } from "./deliver-job";
import { SEND_TIME_LIMIT_PHASES } from "./mailer";
import { registerSender } from "./outbox";

/** Jobs claimed at once; they are sent side by side, so the claim covers each one's whole send. */
const BATCH = 5;
/** An idle sender looks again at least this often: jobs other instances left, claims that lapsed. */
const POLL_MS = 5_000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * The outbox's sender, one per process (started by instrumentation.ts). It drains due jobs in
 * batches, then sleeps until the next job falls due (at most POLL_MS), or until a request wakes
 * it after committing a job. Several processes on one PostgreSQL share the work through the
 * claim (mail-job-repository.ts). A database outage is logged once and retried every POLL_MS.
 */
export class MailSender {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private wakeAgain = false;
  private stopped = false;
  private outage = false;
  private lastPrune = 0;

  constructor(private readonly handlers: JobHandlers = {}) {}

  start(): void {
    registerSender(this);
    this.schedule(0);
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) this.wakeAgain = true;
    else this.schedule(0);
  }

  /** Takes no new job and resolves once the jobs in hand are settled. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    registerSender(undefined);
    await this.running;
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.drain().finally(() => (this.running = undefined));
    }, ms);
    // A process with nothing else to do may exit: the jobs wait in the database.
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    let pause = POLL_MS;
    try {
      do {
        this.wakeAgain = false;
        // A short batch means no other job was due at the claim: no second claim to find none
        // (a job queued since has woken this sender, so the loop around runs again).
        while (!this.stopped && (await this.sendBatch()) === BATCH);
      } while (this.wakeAgain && !this.stopped);
      pause = await this.untilNextDue();
      await this.pruneNow();
      if (this.outage) logger().info("mail outbox: database reachable again");
      this.outage = false;
    } catch (error) {
      if (!this.outage) logger().warn({ err: { type: (error as Error)?.name, code: (error as { code?: unknown })?.code }, databaseUnavailable: isDatabaseUnavailable(error) }, "mail outbox: cannot reach the jobs; retrying");
      this.outage = true;
    }
    if (!this.stopped) this.schedule(this.wakeAgain ? 0 : pause);
  }

  private async sendBatch(): Promise<number> {
    const now = new Date();
    const leaseUntil = new Date(now.getTime() + SEND_TIME_LIMIT_PHASES * config().smtpTimeoutMs + 5_000);
    const jobs = await mailJobRepository.claimDue(BATCH, now, leaseUntil);
    await Promise.all(
      jobs.map((job) =>
        deliverJob(job, this.handlers).catch((error: unknown) => {
          // Recording the outcome failed (the database went away): the claim lapses and the job is tried again.
          logger().warn({ job: job.id, err: { type: (error as Error)?.name, code: (error as { code?: unknown })?.code } }, "mail outbox: outcome not recorded");
        }),
      ),
    );
    return jobs.length;
  }

  private async untilNextDue(): Promise<number> {
    const next = await mailJobRepository.nextDueAt();
    if (!next) return POLL_MS;
    return Math.min(POLL_MS, Math.max(10, next.getTime() - Date.now() + 10));
  }

  private async pruneNow(): Promise<void> {
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    const pruned = await mailJobRepository.pruneSent(new Date());
    if (pruned) logger().info({ pruned }, "mail outbox: sent jobs older than a week deleted");
  }
}

const holder = globalThis as typeof globalThis & { __accountPortalMailSenderInstance?: MailSender };

/** Starts this process's sender once (development reloads modules; the sender must not double). */
export function startMailSender(handlers: JobHandlers = {}): MailSender {
  if (!holder.__accountPortalMailSenderInstance) {
    holder.__accountPortalMailSenderInstance = new MailSender(handlers);
    holder.__accountPortalMailSenderInstance.start();
  }
  return holder.__accountPortalMailSenderInstance;
}
