// The rate-limit policies, in one registry. No "server-only" marker: config.ts validates
// RATE_LIMITS against these names.

export interface RateLimitPolicy {
  name: PolicyName;
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Fixed windows: a counter per key and window, reset when the window ends, so Retry-After is
 * exact. A burst at a window's edge can reach twice the limit; the per-IP ban below bounds what
 * a client gains by repeating that.
 */
export const DEFAULT_POLICIES = {
  /** Every /api request, whatever the endpoint. */
  "api-per-ip": { limit: 300, windowMs: MINUTE },
  /** Attempts, right or wrong, per client address and email. */
  "login-per-ip-email": { limit: 10, windowMs: 15 * MINUTE },
  /**
   * Wrong passwords per account (by email) from clients without this account's device cookie:
   * slows a distributed guesser. Devices the account signed in from have their own budget below.
   */
  "login-failures-per-account": { limit: 100, windowMs: DAY },
  /**
   * Wrong passwords from one client address (IPv6 by RATE_LIMIT_IPV6_PREFIX), whatever the email:
   * bounds password spraying, many accounts tried once each. Counted only after a password was
   * checked and found wrong, and per address, so no one can spend an account's sign-ins with it.
   */
  "login-failures-per-ip": { limit: 30, windowMs: 10 * MINUTE },
  /** Wrong passwords from one device cookie; past it that device is refused on its own. */
  "login-failures-per-device": { limit: 10, windowMs: HOUR },
  /**
   * Codes tried at a sign-in's second step (after a right password) or to change two-step
   * verification, counted before each is checked, so guesses sent at once cannot outrun them: per
   * account from clients without its device cookie, and per device cookie, so whoever holds the
   * password cannot lock the owner's own device out; and a ceiling per account that every try
   * counts against, however many device cookies a guesser collected.
   */
  "second-step-failures-per-account": { limit: 20, windowMs: HOUR },
  "second-step-failures-per-device": { limit: 10, windowMs: HOUR },
  "second-step-per-account-ceiling": { limit: 100, windowMs: HOUR },
  /** Two-step verification changed (set up, confirmed, turned off, new recovery codes): each checks the password or a code. */
  "two-factor-change-per-user": { limit: 10, windowMs: 15 * MINUTE },
  "register-per-ip": { limit: 5, windowMs: HOUR },
  "change-password-per-user": { limit: 5, windowMs: 15 * MINUTE },
  /** API keys created per account: each costs a transaction and a security event. */
  "api-key-create-per-user": { limit: 20, windowMs: HOUR },
  /** Verification codes and links checked, right or wrong (a code is a guess). */
  "verify-email-per-ip": { limit: 10, windowMs: 15 * MINUTE },
  "verify-email-per-user": { limit: 10, windowMs: 15 * MINUTE },
  /** Verification mails asked for again, beside the one-a-minute cooldown. */
  "verify-email-resend-per-user": { limit: 5, windowMs: HOUR },
  /** Email changes asked for: each re-checks the password and mails two addresses. */
  "email-change-per-user": { limit: 5, windowMs: HOUR },
  "email-change-per-ip": { limit: 20, windowMs: HOUR },
  /** The new address's code or link, and undo/cancel links, checked. */
  "email-confirm-per-user": { limit: 10, windowMs: 15 * MINUTE },
  "email-confirm-per-ip": { limit: 10, windowMs: 15 * MINUTE },
  /** Deletions tried: each checks the password. */
  "delete-account-per-user": { limit: 5, windowMs: 15 * MINUTE },
  "forgot-password-per-email": { limit: 3, windowMs: 15 * MINUTE },
  "forgot-password-per-ip": { limit: 20, windowMs: HOUR },
  "confirm-reset-per-ip": { limit: 10, windowMs: 15 * MINUTE },
  "confirm-reset-per-email": { limit: 10, windowMs: 15 * MINUTE },
  "password-reset-per-ip": { limit: 10, windowMs: 15 * MINUTE },
  /** Completions per email: a code in the body is a guess, wherever it comes from. */
  "password-reset-per-email": { limit: 10, windowMs: 15 * MINUTE },
  /** Refused requests (429) per address before the address is banned for TRAFFIC_BAN_MINUTES. */
  "refusals-per-ip": { limit: 100, windowMs: 10 * MINUTE },
} satisfies Record<string, Omit<RateLimitPolicy, "name">>;

export type PolicyName = keyof typeof DEFAULT_POLICIES;

export const POLICY_NAMES = Object.keys(DEFAULT_POLICIES) as PolicyName[];

const UNITS: Record<string, number> = { s: SECOND, m: MINUTE, h: HOUR, d: DAY };

/**
 * RATE_LIMITS overrides some policies: `name=limit/window` separated by commas, the window a
 * number and a unit (s, m, h, d), e.g. `register-per-ip=20/1h,api-per-ip=600/1m`.
 * Throws a message naming the bad entry.
 */
export function parsePolicyOverrides(text: string): Partial<Record<PolicyName, Omit<RateLimitPolicy, "name">>> {
  const overrides: Partial<Record<PolicyName, Omit<RateLimitPolicy, "name">>> = {};
  for (const entry of text.split(",").map((part) => part.trim()).filter(Boolean)) {
    const match = /^([a-z-]+)=(\d+)\/(\d+)([smhd])$/.exec(entry);
    if (!match) throw new Error(`"${entry}" is not name=limit/window (e.g. register-per-ip=5/1h)`);
    const [, name, limit, amount, unit] = match;
    if (!POLICY_NAMES.includes(name as PolicyName)) throw new Error(`unknown policy "${name}" (known: ${POLICY_NAMES.join(", ")})`);
    const windowMs = Number(amount) * UNITS[unit!]!;
    if (Number(limit) < 1 || windowMs < SECOND) throw new Error(`"${entry}" needs a limit and a window of at least 1`);
    overrides[name as PolicyName] = { limit: Number(limit), windowMs };
  }
  return overrides;
}

export function resolvePolicies(overrides: ReturnType<typeof parsePolicyOverrides>): Record<PolicyName, RateLimitPolicy> {
  return Object.fromEntries(
    POLICY_NAMES.map((name) => [name, { name, ...DEFAULT_POLICIES[name], ...overrides[name] }]),
  ) as Record<PolicyName, RateLimitPolicy>;
}
