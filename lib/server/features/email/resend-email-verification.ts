import "server-only";
import { EMAIL_RESEND_COOLDOWN_MS } from "@/lib/email-rules";
import { systemClock, type Clock } from "../../clock";
import { inTransaction } from "../../db/client";
import { AppError } from "../../errors";
import { wakeSender } from "../../mail/outbox";
import { emailChallengeRepository } from "../../repositories/email-challenge-repository";
import { userRepository } from "../../repositories/user-repository";
import type { Caller } from "../../request-context";
import { issueEmailVerification } from "./issue-email-verification";

/**
 * `resendEmailVerification` in lib/endpoints: a new code and link (the old ones stop working). The
 * route's cooldown stops concurrent resends; the newest challenge's age here also counts the
 * mail registration sent, which no rate-limit counter saw.
 */
export async function resendEmailVerification(caller: Caller, clock: Clock = systemClock): Promise<void> {
  const now = clock.now();
  const user = await userRepository.findCredentialsById(caller.userId);
  if (!user) throw new AppError("UNAUTHORIZED", undefined, { reason: "account-gone" });
  if (user.emailVerifiedAt) return;
  const newest = await emailChallengeRepository.findNewest(user.id, "verify");
  const waitMs = newest ? newest.createdAt.getTime() + EMAIL_RESEND_COOLDOWN_MS - now.getTime() : 0;
  if (waitMs > 0) throw new AppError("TOO_MANY_REQUESTS", undefined, { retryAfterSeconds: Math.ceil(waitMs / 1000) });
  await inTransaction((tx) => issueEmailVerification(user, now, tx));
  wakeSender();
}
