import "server-only";
import type { Principal } from "../auth/principal";
import type { LimitCheck } from "../rate-limit/limiter";

/** Every password-change surface (v1 and seeds 002–004) spends one budget per account. */
export function changePasswordLimits({ principal }: { principal: Principal }): LimitCheck[] {
  return [{ policy: "change-password-per-user", key: principal.session.user.id }];
}
