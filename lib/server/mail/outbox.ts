import "server-only";
import { randomUUID } from "node:crypto";
import { after } from "next/server";
import { config } from "../config";
import type { DbClient } from "../db/client";
import { mailJobRepository, type NewMailJob } from "../repositories/mail-job-repository";
import type { MailMessage } from "./mailer";
import { seal } from "../security/sealed";

export type MailKind =
  | "account_created"
  | "password_changed"
  | "password_reset"
  | "reset_code"
  | "email_verification"
  | "email_change"
  | "email_changed"
  | "account_deleted"
  | "two_factor_changed";

/** What a forgot-password request leaves for the sender (see services/issue-password-reset.ts). */
export interface ResetRequest {
  email: string;
  ip: string | null;
  userAgent: string | null;
}

export const RESET_REQUEST_KIND = "reset_request";

/**
 * Forgot-password mail: the request row (every email alike) and the code mail it becomes when the
 * email has an account. Public figures leave these out (see services/check-readiness.ts).
 */
export const FORGOT_PASSWORD_KINDS: [string, ...string[]] = [RESET_REQUEST_KIND, "reset_code" satisfies MailKind];

/**
 * Writes `message` to the outbox in the caller's transaction: the mail exists exactly when the
 * change that causes it does, and goes out after the commit (call wakeSender then).
 */
export async function queueMail(kind: MailKind, message: MailMessage, db: DbClient, expiresAt: Date | null = null): Promise<void> {
  await mailJobRepository.add(sealedMailJob(kind, message, expiresAt), db);
}

/** The outbox row for `message`, for a statement that writes it beside the change causing it. */
export function sealedMailJob(kind: MailKind, message: MailMessage, expiresAt: Date | null = null): NewMailJob {
  const id = randomUUID();
  return { id, kind, recipient: message.to, body: seal(message, config().mailSealKey, id), expiresAt };
}

/**
 * A forgot-password request, known email or not: one insert of the same shape either way, so the
 * work done before the answer does not tell them apart. The sender looks the email up later.
 */
export async function queueResetRequest(request: ResetRequest, db: DbClient): Promise<void> {
  const id = randomUUID();
  await mailJobRepository.add({ id, kind: RESET_REQUEST_KIND, recipient: request.email, body: seal(request, config().mailSealKey, id) }, db);
}

// The sender lives on globalThis: the instrumentation hook that starts it and the route handlers
// that wake it are separate bundles, each with its own copy of this module.
const holder = globalThis as typeof globalThis & { __accountPortalMailSender?: { wake(): void } };

export function registerSender(sender: { wake(): void } | undefined): void {
  holder.__accountPortalMailSender = sender;
}

/**
 * Tells this process's sender that a job was committed, so it goes out now rather than at the
 * next poll. Once the response is out (Next's `after`): the sender's work never delays an answer,
 * and what it does for a known email (forgot-password) never shows in one. Outside a request
 * (scripts, unit tests) on the next turn.
 */
export function wakeSender(): void {
  const wake = () => holder.__accountPortalMailSender?.wake();
  try {
    after(wake);
  } catch {
    setImmediate(wake);
  }
}
