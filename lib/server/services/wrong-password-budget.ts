import "server-only";
import type { PolicyCheck } from "../rate-limit/limiter";
import { trustedDevice } from "../security/device-cookie";

/**
 * The one budget a wrong password of this account spends, wherever it was typed (sign-in, password
 * change, email change, deletion): the device's own, for a client carrying a device cookie this
 * account issued (so failures elsewhere cannot lock its owner out), else the account's. A stolen
 * session thus gets no guesses beyond what sign-in would have given it.
 */
export function wrongPasswordBudget(email: string, deviceToken: string | undefined): PolicyCheck {
  const device = trustedDevice(deviceToken, email);
  return device ? { policy: "login-failures-per-device", key: `${email} ${device}` } : { policy: "login-failures-per-account", key: email };
}

/** The same rule for wrong codes at a sign-in's second step: the device's budget, else the account's. */
export function wrongSecondStepBudget(email: string, deviceToken: string | undefined): PolicyCheck {
  const device = trustedDevice(deviceToken, email);
  return device ? { policy: "second-step-failures-per-device", key: `${email} ${device}` } : { policy: "second-step-failures-per-account", key: email };
}
