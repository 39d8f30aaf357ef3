import "server-only";
import type { SessionKind } from "../../db/generated/client";
import { systemClock, type Clock } from "../../clock";
import type { ClientContext } from "../../request-context";
import { issueDeviceToken } from "../../security/device-cookie";
import { answerSignInChallenge } from "../two-factor";
import { openSession } from "./sign-in";
import type { SignInWithinLimitsResult } from "./sign-in-within-limits";

/**
 * A sign-in's second step, for `loginSecondFactor` in lib/endpoints: the challenge answered with an
 * app code or a recovery code opens the session the password step would have, with the same
 * answer and cookies.
 */
export async function completeSecondStep(
  input: { challenge: string; code: string },
  kind: SessionKind,
  client: ClientContext,
  clock: Clock = systemClock,
): Promise<SignInWithinLimitsResult> {
  const now = clock.now();
  const { user, method } = await answerSignInChallenge(input, client, now);
  const result = await openSession(user, kind, client, method, now);
  return { ...result, deviceToken: issueDeviceToken(user.email) };
}
