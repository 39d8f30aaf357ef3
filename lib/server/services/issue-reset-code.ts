import "server-only";
import { randomUUID } from "node:crypto";
import { RESET_CODE_TTL_MS } from "@/lib/reset-rules";
import { config } from "../config";
import type { DbClient } from "../db/client";
import { queueMail } from "../mail/outbox";
import { resetCodeMail } from "../mail/templates";
import { passwordResetRepository } from "../repositories/password-reset-repository";
import { generateResetCode, generateResetSecret, keyedHash } from "../security/reset-secrets";
import type { ClientContext } from "./client-context";

/**
 * A password reset started by the server itself (undoing an email change), stored and mailed in
 * the caller's transaction: the owner gets the account back and a code to lock out whoever moved it.
 */
export async function issueResetCode(user: { id: string; email: string }, now: Date, client: ClientContext, tx: DbClient): Promise<void> {
  const id = randomUUID();
  const code = generateResetCode();
  const token = generateResetSecret();
  const expiresAt = new Date(now.getTime() + RESET_CODE_TTL_MS);
  const reset = { id, userId: user.id, codeHash: keyedHash("code", code, id), tokenHash: keyedHash("token", token) };
  await passwordResetRepository.replaceForUser({ ...reset, expiresAt, ...client }, tx);
  const link = `${config().appUrl}/forgot-password?token=${encodeURIComponent(token)}`;
  await queueMail("reset_code", resetCodeMail(user.email, code, link), tx, expiresAt);
}
