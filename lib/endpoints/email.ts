// The recovery channel: verifying the address, changing it safely, undoing a change, and closing
// the account (portal additions).
import { z } from "zod";
import { message } from "./shapes";
import { EMAIL_RESEND_COOLDOWN_MS } from "@/lib/email-rules";
import { changeEmailSchema, confirmEmailChangeSchema, deleteAccountSchema, revertEmailChangeSchema, verifyEmailSchema } from "@/lib/schemas/email-recovery";
import { endpoint } from "./endpoint";
import { PORTAL } from "./tags";

export const verifyEmail = endpoint({
  method: "POST",
  path: "/api/v1/user/verify-email",
  schema: verifyEmailSchema,
  auth: "optional",
  allowUnverified: true,
  limits: ({ principal, clientIp }) => [
    { policy: "verify-email-per-ip", key: clientIp },
    ...(principal ? [{ policy: "verify-email-per-user" as const, key: principal.session.user.id }] : []),
  ],
  docs: {
    style: "v1",
    operationId: "verifyEmail",
    summary: "Verify the account's email",
    description: "`code` needs a caller (a six-digit code alone names no account); the link's `token` needs none.",
    tags: [PORTAL],
    success: { description: "The address is verified.", schema: message("Email verified").extend({ email: z.string() }) },
    errors: ["INVALID_OTP", "UNAUTHORIZED"],
  },
});

export const resendEmailVerification = endpoint({
  method: "POST",
  path: "/api/v1/user/verify-email/resend",
  auth: true,
  allowUnverified: true,
  limits: ({ principal }) => [
    { cooldown: "verify-email-resend", ms: EMAIL_RESEND_COOLDOWN_MS, key: principal.session.user.email },
    { policy: "verify-email-resend-per-user", key: principal.session.user.id },
  ],
  docs: {
    style: "v1",
    operationId: "resendEmailVerification",
    summary: "Send the verification mail again",
    tags: [PORTAL],
    success: { description: "A new code and link were sent (nothing is sent for a verified address); 429 within a minute of the last.", schema: message("Verification email sent") },
  },
});

export const changeEmail = endpoint({
  method: "POST",
  path: "/api/v1/user/email",
  schema: changeEmailSchema,
  auth: true,
  allowUnverified: true,
  hashesPassword: true,
  limits: ({ principal, clientIp }) => [
    { policy: "email-change-per-ip", key: clientIp },
    { policy: "email-change-per-user", key: principal.session.user.id },
  ],
  docs: {
    style: "v1",
    operationId: "changeEmail",
    summary: "Change the email address",
    tags: [PORTAL],
    success: {
      status: 202,
      description: "The same answer whether or not the new address has an account; the old address is told, with a link that cancels.",
      schema: message("Confirmation sent").extend({ pendingEmail: z.string() }),
    },
    errors: ["INCORRECT_PASSWORD"],
  },
});

export const confirmEmailChange = endpoint({
  method: "POST",
  path: "/api/v1/user/email/confirm",
  schema: confirmEmailChangeSchema,
  auth: "optional",
  allowUnverified: true,
  limits: ({ principal, clientIp }) => [
    { policy: "email-confirm-per-ip", key: clientIp },
    ...(principal ? [{ policy: "email-confirm-per-user" as const, key: principal.session.user.id }] : []),
  ],
  docs: {
    style: "v1",
    operationId: "confirmEmailChange",
    summary: "Confirm a new email address",
    description: "`code` needs the caller; the link's `token` needs none. Other sessions are revoked; the old address gets a 7-day undo link.",
    tags: [PORTAL],
    success: { description: "The account's address is now the new one.", schema: message("Email changed").extend({ email: z.string() }) },
    errors: ["INVALID_OTP", "UNAUTHORIZED", "EMAIL_TAKEN"],
  },
});

export const revertEmailChange = endpoint({
  method: "POST",
  path: "/api/v1/user/email/revert",
  schema: revertEmailChangeSchema,
  limits: ({ clientIp }) => [{ policy: "email-confirm-per-ip", key: clientIp }],
  docs: {
    style: "v1",
    operationId: "revertEmailChange",
    summary: "This wasn't me: cancel or undo an email change",
    tags: [PORTAL],
    success: {
      description: "Cancelled (pending) or undone (completed: the old address is back); every session and token revoked; a reset code sent to the address.",
      schema: message("Email change undone").extend({ email: z.string() }),
    },
    errors: ["INVALID_OTP", "EMAIL_TAKEN"],
  },
});

export const deleteAccount = endpoint({
  method: "DELETE",
  path: "/api/v1/user",
  schema: deleteAccountSchema,
  auth: true,
  allowUnverified: true,
  hashesPassword: true,
  limits: ({ principal }) => [{ policy: "delete-account-per-user", key: principal.session.user.id }],
  docs: {
    style: "v1",
    operationId: "deleteAccount",
    summary: "Delete the account",
    tags: [PORTAL],
    success: { description: "Deleted with everything it owned; clears `userToken`. The address can register again.", schema: message("Account deleted"), setsCookies: true },
    errors: ["INCORRECT_PASSWORD"],
  },
});
