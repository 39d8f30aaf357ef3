// Changing a password (v1; the seeds' forms are in seeds.ts) and recovering one by mail.
import { z } from "zod";
import { message } from "./shapes";
import { RESET_REQUEST_COOLDOWN_MS } from "@/lib/reset-rules";
import { changePasswordSchema } from "@/lib/schemas/password-change";
import { confirmResetSchema, forgotPasswordSchema, resetPasswordSchema } from "@/lib/schemas/password-reset";
import type { Principal } from "@/lib/server/auth/principal";
import type { LimitCheck } from "@/lib/server/rate-limit/limiter";
import { endpoint } from "./endpoint";
import { GATEWAY } from "./tags";

/** Every password-change surface (v1 and seeds 002–004) spends one budget per account. */
export function changePasswordLimits({ principal }: { principal: Principal }): LimitCheck[] {
  return [{ policy: "change-password-per-user", key: principal.session.user.id }];
}

export const changePassword = endpoint({
  method: "PATCH",
  path: "/api/v1/user/password",
  schema: changePasswordSchema,
  auth: true,
  hashesPassword: true,
  limits: changePasswordLimits,
  docs: {
    style: "v1",
    operationId: "updateUserPassword",
    summary: "Update User Password",
    tags: [GATEWAY],
    success: { description: "Changed; other sessions revoked unless `revokeOtherSessions` is false.", schema: message("Password updated successfully") },
    errors: ["INCORRECT_OLD_PASSWORD", "SAME_PASSWORD", "WEAK_PASSWORD"],
  },
});

export const forgotPassword = endpoint({
  method: "POST",
  path: "/api/v1/user/forgot-password",
  schema: forgotPasswordSchema,
  // Keyed on the address whether or not it has an account, so a 429 reveals nothing. The
  // one-a-minute cooldown comes before the 15-minute budget: a double click costs no budget.
  limits: ({ body, clientIp }) => [
    { policy: "forgot-password-per-ip", key: clientIp },
    { cooldown: "forgot-password-resend", ms: RESET_REQUEST_COOLDOWN_MS, key: body.email },
    { policy: "forgot-password-per-email", key: body.email },
  ],
  docs: {
    style: "v1",
    operationId: "forgotUserPassword",
    summary: "Forgot User Password",
    tags: [GATEWAY],
    success: { description: "The same answer for known and unknown emails.", schema: message("If an account exists for this email, a reset code has been sent") },
    errors: ["NO_ACCOUNT"],
    statusOverrides: { NO_ACCOUNT: 404 },
  },
});

export const confirmResetCode = endpoint({
  method: "POST",
  path: "/api/v1/user/confirm-otp-reset",
  schema: confirmResetSchema,
  limits: ({ body, clientIp }) => [
    { policy: "confirm-reset-per-ip", key: clientIp },
    // Guessing one account's code from many addresses still meets this one.
    ...(body.email ? [{ policy: "confirm-reset-per-email" as const, key: body.email }] : []),
  ],
  docs: {
    style: "v1",
    operationId: "confirmPasswordResetOtp",
    summary: "Confirm Password Reset OTP",
    tags: [GATEWAY],
    success: { description: "Confirmed; sets `passwordReset`.", schema: message("OTP confirmed").extend({ email: z.string() }), setsCookies: true },
    errors: ["INVALID_OTP"],
  },
});

/** Its path is also the reset proof cookie's (lib/server/auth/reset-cookie.ts): sent to this endpoint only. */
export const resetPassword = endpoint({
  method: "POST",
  path: "/api/v1/user/password-reset",
  schema: resetPasswordSchema,
  hashesPassword: true,
  limits: ({ body, clientIp }) => [
    { policy: "password-reset-per-ip", key: clientIp },
    // A six-digit code in the body is a guess: many addresses guessing one account meet this one.
    { policy: "password-reset-per-email", key: body.email },
  ],
  docs: {
    style: "v1",
    operationId: "resetUserPassword",
    summary: "Reset User Password",
    tags: [GATEWAY],
    success: { description: "Reset; every session and token revoked; clears `passwordReset`.", schema: message("Password reset successfully"), setsCookies: true },
    errors: ["INVALID_REQUEST", "NO_ACCOUNT", "WEAK_PASSWORD", "SAME_PASSWORD"],
  },
});
