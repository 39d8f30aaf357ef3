// The gateway's /api/v1/user routes, the portal's additions and the health checks.
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { loginSchema, registerSchema } from "@/lib/schemas/auth";
import { changePasswordSchema } from "@/lib/schemas/password-change";
import { confirmResetSchema, forgotPasswordSchema, resetPasswordSchema } from "@/lib/schemas/password-reset";
import { SessionKind } from "@/lib/server/db/generated/enums";
import { SECURITY_EVENT_TYPES } from "@/lib/server/repositories/security-event-types";
import { isoDate } from "./components";
import { v1Operation } from "./operation";

const message = <T extends string>(text: T) => z.object({ message: z.literal(text) });

const nullable = (schema: z.ZodType) => schema.nullable();

const userFields = {
  id: z.string(),
  email: z.string(),
  name: nullable(z.string()),
  createdAt: isoDate,
  passwordChangedAt: nullable(isoDate),
};
export const userSchema = z.object(userFields).meta({ id: "User" });

const GATEWAY = "Gateway (Cargo Extra)";
const PORTAL = "Portal additions";
const HEALTH = "Health";
const idParam = z.object({ id: z.string().meta({ description: "The session's id, from GET /api/v1/user/sessions." }) });

export const v1Paths: ZodOpenApiPathsObject = {
  "/api/v1/user/register": {
    post: v1Operation({
      operationId: "register",
      summary: "Register",
      tags: [PORTAL],
      body: registerSchema,
      success: { status: 201, description: "Account created (not signed in).", schema: message("Account created").extend({ user: userSchema }) },
      errors: ["WEAK_PASSWORD", "EMAIL_TAKEN"],
    }),
  },
  "/api/v1/user/login": {
    post: v1Operation({
      operationId: "login",
      summary: "Login",
      tags: [GATEWAY],
      body: loginSchema,
      success: {
        description: "Signed in; sets `userToken` and `deviceToken`. The token is shown once.",
        schema: message("Login successful").extend({ token: z.string(), expiresAt: isoDate, user: userSchema }),
        setsCookies: true,
      },
      errors: ["INVALID_CREDENTIALS"],
    }),
  },
  "/api/v1/user/logout": {
    post: v1Operation({
      operationId: "logout",
      summary: "Logout",
      tags: [PORTAL],
      auth: true,
      allowUnverified: true,
      success: { description: "The calling session or token is revoked; clears `userToken`.", schema: message("Logged out"), setsCookies: true },
    }),
  },
  "/api/v1/user/check": {
    get: v1Operation({
      operationId: "checkUserSession",
      summary: "Check User Session",
      tags: [GATEWAY],
      auth: true,
      allowUnverified: true,
      success: {
        description: "The token is valid and rotated (`token` is null for a browser session or a cross-site cookie: nothing rotated).",
        schema: message("Session valid").extend({
          token: nullable(z.string()),
          expiresAt: isoDate,
          ...userFields,
          emailVerified: z.boolean().meta({ description: "Whether the current address was proven with a code or link mailed to it." }),
        }),
        setsCookies: true,
      },
    }),
  },
  "/api/v1/user/password": {
    patch: v1Operation({
      operationId: "updateUserPassword",
      summary: "Update User Password",
      tags: [GATEWAY],
      auth: true,
      body: changePasswordSchema,
      success: { description: "Changed; other sessions revoked unless `revokeOtherSessions` is false.", schema: message("Password updated successfully") },
      errors: ["INCORRECT_OLD_PASSWORD", "SAME_PASSWORD", "WEAK_PASSWORD"],
    }),
  },
  "/api/v1/user/forgot-password": {
    post: v1Operation({
      operationId: "forgotUserPassword",
      summary: "Forgot User Password",
      tags: [GATEWAY],
      body: forgotPasswordSchema,
      success: { description: "The same answer for known and unknown emails.", schema: message("If an account exists for this email, a reset code has been sent") },
      errors: ["NO_ACCOUNT"],
      statusOverrides: { NO_ACCOUNT: 404 },
    }),
  },
  "/api/v1/user/confirm-otp-reset": {
    post: v1Operation({
      operationId: "confirmPasswordResetOtp",
      summary: "Confirm Password Reset OTP",
      tags: [GATEWAY],
      body: confirmResetSchema,
      success: { description: "Confirmed; sets `passwordReset`.", schema: message("OTP confirmed").extend({ email: z.string() }), setsCookies: true },
      errors: ["INVALID_OTP"],
    }),
  },
  "/api/v1/user/password-reset": {
    post: v1Operation({
      operationId: "resetUserPassword",
      summary: "Reset User Password",
      tags: [GATEWAY],
      body: resetPasswordSchema,
      success: { description: "Reset; every session and token revoked; clears `passwordReset`.", schema: message("Password reset successfully"), setsCookies: true },
      errors: ["INVALID_REQUEST", "NO_ACCOUNT", "WEAK_PASSWORD", "SAME_PASSWORD"],
    }),
  },
  "/api/v1/user/sessions": {
    get: v1Operation({
      operationId: "listSessions",
      summary: "List sessions",
      tags: [PORTAL],
      auth: true,
      success: {
        description: "The caller's live sessions, most recently used first.",
        schema: message("Active sessions").extend({
          sessions: z.array(
            z.object({
              id: z.string(),
              kind: z.enum(Object.values(SessionKind)),
              current: z.boolean(),
              createdAt: isoDate,
              lastSeenAt: isoDate,
              expiresAt: isoDate,
              ip: nullable(z.string()),
              userAgent: nullable(z.string()),
            }),
          ),
        }),
      },
    }),
  },
  "/api/v1/user/sessions/{id}": {
    delete: v1Operation({
      operationId: "revokeSession",
      summary: "Revoke a session",
      tags: [PORTAL],
      auth: true,
      pathParams: idParam,
      success: { description: "Revoked (the current one included).", schema: message("Session revoked") },
      errors: ["NOT_FOUND"],
    }),
  },
  "/api/v1/user/sessions/revoke-others": {
    post: v1Operation({
      operationId: "revokeOtherSessions",
      summary: "Sign out everywhere else",
      tags: [PORTAL],
      auth: true,
      success: { description: "Every other session and token revoked.", schema: message("Signed out everywhere else").extend({ revoked: z.int().min(0) }) },
    }),
  },
  "/api/v1/user/security-events": {
    get: v1Operation({
      operationId: "listSecurityEvents",
      summary: "Recent security events",
      tags: [PORTAL],
      auth: true,
      success: {
        description: "The caller's last 10, newest first.",
        schema: message("Recent security events").extend({
          events: z.array(
            z.object({
              id: z.string(),
              type: z.enum(SECURITY_EVENT_TYPES),
              ip: nullable(z.string()),
              userAgent: nullable(z.string()),
              createdAt: isoDate,
              application: nullable(z.string()).meta({ description: "The API key's application, for a change made through seed 002." }),
            }),
          ),
        }),
      },
    }),
  },
  "/api/health": {
    get: v1Operation({
      operationId: "liveness",
      summary: "Liveness",
      tags: [HEALTH],
      exemptFromRateLimits: true,
      success: { description: "The process answers (no database touched).", schema: message("OK") },
    }),
  },
  "/api/health/ready": {
    get: v1Operation({
      operationId: "readiness",
      summary: "Readiness",
      tags: [HEALTH],
      exemptFromRateLimits: true,
      success: {
        description:
          "The database answers and has this build's migrations; `mail` is the outbox's backlog (never a reason for 503), forgot-password mail left out (it would tell whether an email has an account).",
        schema: message("Ready").extend({
          mail: z.object({
            due: z.int().min(0).meta({ description: "Unsent jobs whose time has come." }),
            pending: z.int().min(0).meta({ description: "Unsent jobs, due or waiting for a retry." }),
            oldestPendingSeconds: z.number().min(0).nullable().meta({ description: "Age of the oldest unsent job; null when none." }),
            dead: z.int().min(0).meta({ description: "Jobs given up after MAIL_MAX_ATTEMPTS or a permanent refusal." }),
          }),
        }),
      },
      errors: ["SERVICE_UNAVAILABLE"],
    }),
  },
};
