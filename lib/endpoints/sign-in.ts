// Registration, sign-in and the session a sign-in starts (v1).
import { z } from "zod";
import { isoDate, message } from "./shapes";
import { loginSchema, registerSchema } from "@/lib/schemas/auth";
import { endpoint } from "./endpoint";
import { GATEWAY, PORTAL, userFields, userSchema } from "./tags";

export const register = endpoint({
  method: "POST",
  path: "/api/v1/user/register",
  schema: registerSchema,
  hashesPassword: true,
  limits: ({ clientIp }) => [{ policy: "register-per-ip", key: clientIp }],
  docs: {
    style: "v1",
    operationId: "register",
    summary: "Register",
    tags: [PORTAL],
    success: { status: 201, description: "Account created (not signed in).", schema: message("Account created").extend({ user: userSchema }) },
    errors: ["WEAK_PASSWORD", "EMAIL_TAKEN"],
  },
});

export const login = endpoint({
  method: "POST",
  path: "/api/v1/user/login",
  schema: loginSchema,
  docs: {
    style: "v1",
    operationId: "login",
    summary: "Login",
    tags: [GATEWAY],
    success: {
      description: "Signed in; sets `userToken` and `deviceToken`. The token is shown once.",
      schema: message("Login successful").extend({ token: z.string(), expiresAt: isoDate, user: userSchema }),
      setsCookies: true,
    },
    // With two-step verification on: no token yet, but a challenge for loginSecondFactor.
    errors: ["INVALID_CREDENTIALS", "SECOND_FACTOR_REQUIRED"],
  },
});

export const logout = endpoint({
  method: "POST",
  path: "/api/v1/user/logout",
  auth: true,
  allowUnverified: true,
  docs: {
    style: "v1",
    operationId: "logout",
    summary: "Logout",
    tags: [PORTAL],
    success: { description: "The calling session or token is revoked; clears `userToken`.", schema: message("Logged out"), setsCookies: true },
  },
});

export const checkSession = endpoint({
  method: "GET",
  path: "/api/v1/user/check",
  auth: true,
  allowUnverified: true,
  docs: {
    style: "v1",
    operationId: "checkUserSession",
    summary: "Check User Session",
    tags: [GATEWAY],
    success: {
      description: "The token is valid and rotated (`token` is null for a browser session or a cross-site cookie: nothing rotated).",
      schema: message("Session valid").extend({
        token: z.string().nullable(),
        expiresAt: isoDate,
        ...userFields,
        emailVerified: z.boolean().meta({ description: "Whether the current address was proven with a code or link mailed to it." }),
      }),
      setsCookies: true,
    },
  },
});
