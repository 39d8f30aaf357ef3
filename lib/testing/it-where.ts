import { it } from "vitest";

/**
 * `it` where a case applies to this variant of a suite, and nothing elsewhere: a case that has
 * nothing to check on a variant (no movable clock on a Redis store, no second process on PGlite)
 * is not declared there, rather than reported as skipped.
 */
export function itWhere(applies: unknown): typeof it {
  return applies ? it : ((() => undefined) as unknown as typeof it);
}
