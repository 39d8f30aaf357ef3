// Two-step verification: the authenticator app, recovery codes, and a sign-in's second step (v1).
import { z } from "zod";
import { secondFactorSchema, totpConfirmSchema, totpEnrolmentSchema, twoFactorStepUpSchema } from "@/lib/schemas/two-factor";
import { endpoint } from "./endpoint";
import { isoDate, message } from "./shapes";
import { GATEWAY, PORTAL, userSchema } from "./tags";

const recoveryCodes = z.array(z.string()).length(10).meta({ description: "Ten single-use codes, shown this once: each signs in when the app is not at hand." });
const changeLimits = ({ principal }: { principal: { session: { user: { id: string } } } }) => [{ policy: "two-factor-change-per-user" as const, key: principal.session.user.id }];

export const getTwoFactor = endpoint({
  method: "GET",
  path: "/api/v1/user/two-factor",
  auth: true,
  docs: {
    style: "v1",
    operationId: "getTwoFactor",
    summary: "Two-step verification: what is set up",
    tags: [PORTAL],
    success: {
      description: "Whether the authenticator app is on, and how many recovery codes are left.",
      schema: message("Two-step verification").extend({
        totp: z.object({ enabled: z.boolean() }),
        passkeys: z.array(z.object({ id: z.string(), name: z.string(), createdAt: isoDate, lastUsedAt: isoDate.nullable() })),
        recoveryCodesLeft: z.int().min(0),
      }),
    },
  },
});

export const startTotpSetup = endpoint({
  method: "POST",
  path: "/api/v1/user/two-factor/totp",
  schema: totpEnrolmentSchema,
  auth: true,
  hashesPassword: true,
  limits: changeLimits,
  docs: {
    style: "v1",
    operationId: "startTotpSetup",
    summary: "Set up an authenticator app",
    description: "A new secret, pending until a code from the app confirms it; a new call replaces a pending one. The secret is never answered again.",
    tags: [PORTAL],
    success: {
      description: "The secret (Base32) and its `otpauth://totp/` URI, for a QR code.",
      schema: message("Authenticator app pending").extend({ secret: z.string(), otpauthUri: z.string() }),
    },
    errors: ["INCORRECT_PASSWORD", "ALREADY_ENABLED"],
  },
});

export const confirmTotpSetup = endpoint({
  method: "POST",
  path: "/api/v1/user/two-factor/totp/confirm",
  schema: totpConfirmSchema,
  auth: true,
  limits: changeLimits,
  docs: {
    style: "v1",
    operationId: "confirmTotpSetup",
    summary: "Turn the authenticator app on",
    description: "A current code from the app turns it on: from then on every sign-in asks for a second step.",
    tags: [PORTAL],
    success: { description: "On; the first recovery codes.", schema: message("Two-step verification turned on").extend({ recoveryCodes }) },
    errors: ["INVALID_OTP", "INVALID_REQUEST", "ALREADY_ENABLED"],
  },
});

export const turnOffTotp = endpoint({
  method: "DELETE",
  path: "/api/v1/user/two-factor/totp",
  schema: twoFactorStepUpSchema,
  auth: true,
  hashesPassword: true,
  limits: changeLimits,
  docs: {
    style: "v1",
    operationId: "turnOffTotp",
    summary: "Turn the authenticator app off",
    description: "Needs the password and a code (from the app, or a recovery code); the recovery codes go with it.",
    tags: [PORTAL],
    success: { description: "Off; sign-ins ask for the password alone.", schema: message("Two-step verification turned off") },
    errors: ["INCORRECT_PASSWORD", "INVALID_OTP"],
  },
});

export const renewRecoveryCodes = endpoint({
  method: "POST",
  path: "/api/v1/user/two-factor/recovery-codes",
  schema: twoFactorStepUpSchema,
  auth: true,
  hashesPassword: true,
  limits: changeLimits,
  docs: {
    style: "v1",
    operationId: "renewRecoveryCodes",
    summary: "New recovery codes",
    description: "Needs the password and a code; the old set, used or not, is void.",
    tags: [PORTAL],
    success: { description: "Ten new codes.", schema: message("New recovery codes").extend({ recoveryCodes }) },
    errors: ["INCORRECT_PASSWORD", "INVALID_OTP"],
  },
});

export const loginSecondFactor = endpoint({
  method: "POST",
  path: "/api/v1/user/login/second-factor",
  schema: secondFactorSchema,
  docs: {
    style: "v1",
    operationId: "loginSecondFactor",
    summary: "Login: the second step",
    description:
      "When login answers 401 `SECOND_FACTOR_REQUIRED`, send its `challenge` with a `code` from the app or a `recoveryCode`. A challenge lives 5 minutes, is answered once, and is void after 5 wrong codes (then the password must be entered again).",
    tags: [GATEWAY],
    success: {
      description: "Signed in, exactly as login's success: sets `userToken` and `deviceToken`. The token is shown once.",
      schema: message("Login successful").extend({ token: z.string(), expiresAt: isoDate, user: userSchema }),
      setsCookies: true,
    },
    errors: ["INVALID_OTP", "INVALID_REQUEST"],
  },
});
