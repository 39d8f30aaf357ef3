import "server-only";
import { randomUUID } from "node:crypto";
import type { ForgotPasswordInput } from "@/lib/schemas/password-reset";
import { config } from "../config";
import { AppError } from "../errors";
import { systemClock, type Clock } from "../clock";
import { afterResponse } from "../after-response";
import { mailer } from "../mail/mailer";
import { resetCodeMail } from "../mail/templates";
import { passwordResetRepository } from "../repositories/password-reset-repository";
import { userRepository } from "../repositories/user-repository";
import { generateResetCode, generateResetSecret, keyedHash } from "../security/reset-secrets";
import type { ClientContext } from "./client-context";
import { RESET_CODE_TTL_MS } from "@/lib/reset-rules";

/**
 * POST /api/v1/user/forgot-password (its route applies the rate limits, per address known or
 * not, so a 429 reveals nothing). Known and unknown addresses get the same answer in the same
 * time: both make the same secrets and hashes and one user lookup; storing the reset and sending
 * the mail happen after the response has been sent, with failures logged.
 */
export async function requestPasswordReset(input: ForgotPasswordInput, client: ClientContext, clock: Clock = systemClock): Promise<void> {
  const { resetRevealsUnknownEmail, appUrl, isDevelopment, smtpUrl } = config();
  const now = clock.now();

  const user = await userRepository.findCredentialsByEmail(input.email);
  const id = randomUUID();
  const code = generateResetCode();
  const token = generateResetSecret();
  const codeHash = keyedHash("code", code, id);
  const tokenHash = keyedHash("token", token);
  if (!user) {
    if (resetRevealsUnknownEmail) throw new AppError("NO_ACCOUNT", undefined, { status: 404 });
    // The same after-response bookkeeping and a comparable query, so that neither the response
    // time nor the server's load right after it tells the two paths apart.
    afterResponse("password_reset_decoy", async () => {
      await passwordResetRepository.findByTokenHash(tokenHash);
    });
    return;
  }

  const link = `${appUrl}/forgot-password?token=${encodeURIComponent(token)}`;
  afterResponse("password_reset_requested", async () => {
    await passwordResetRepository.replaceForUser({
      id,
      userId: user.id,
      codeHash,
      tokenHash,
      expiresAt: new Date(now.getTime() + RESET_CODE_TTL_MS),
      ...client,
    });
    await mailer().send(resetCodeMail(user.email, code, link));
    // DEVELOPERS.md: without a mail server, development prints the code (never in production).
    if (isDevelopment && !smtpUrl) console.info(`[dev] password reset code for ${user.email}: ${code} (${link})`);
  });
}
