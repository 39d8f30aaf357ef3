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

/**
 * The budgets a second-factor code spends, wherever it is tried (a sign-in's second step, turning
 * the app off, new recovery codes): the device's, else the account's, by the rule above; and the
 * account's ceiling, which every try spends.
 */
export function secondFactorBudgets(email: string, deviceToken: string | undefined): PolicyCheck[] {
  const device = trustedDevice(deviceToken, email);
  const own: PolicyCheck = device ? { policy: "second-step-failures-per-device", key: `${email} ${device}` } : { policy: "second-step-failures-per-account", key: email };
  return [own, { policy: "second-step-per-account-ceiling", key: email }];
}
