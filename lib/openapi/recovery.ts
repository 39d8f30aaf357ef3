// The recovery channel (issue 13): verifying the address, changing it safely, closing the account.
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { changeEmailSchema, confirmEmailChangeSchema, deleteAccountSchema, revertEmailChangeSchema, verifyEmailSchema } from "@/lib/schemas/email-recovery";
import { v1Operation } from "./operation";

const message = <T extends string>(text: T) => z.object({ message: z.literal(text) });
const PORTAL = "Portal additions";

export const recoveryPaths: ZodOpenApiPathsObject = {
  "/api/v1/user/verify-email": {
    post: v1Operation({
      operationId: "verifyEmail",
      summary: "Verify the account's email",
      description: "`code` needs a caller (a six-digit code alone names no account); the link's `token` needs none.",
      tags: [PORTAL],
      body: verifyEmailSchema,
      success: { description: "The address is verified.", schema: message("Email verified").extend({ email: z.string() }) },
      errors: ["INVALID_OTP", "UNAUTHORIZED"],
    }),
  },
  "/api/v1/user/verify-email/resend": {
    post: v1Operation({
      operationId: "resendEmailVerification",
      summary: "Send the verification mail again",
      tags: [PORTAL],
      auth: true,
      allowUnverified: true,
      success: { description: "A new code and link were sent (nothing is sent for a verified address); 429 within a minute of the last.", schema: message("Verification email sent") },
    }),
  },
  "/api/v1/user/email": {
    post: v1Operation({
      operationId: "changeEmail",
      summary: "Change the email address",
      tags: [PORTAL],
      auth: true,
      allowUnverified: true,
      body: changeEmailSchema,
      success: {
        status: 202,
        description: "The same answer whether or not the new address has an account; the old address is told, with a link that cancels.",
        schema: message("Confirmation sent").extend({ pendingEmail: z.string() }),
      },
      errors: ["INCORRECT_PASSWORD"],
    }),
  },
  "/api/v1/user/email/confirm": {
    post: v1Operation({
      operationId: "confirmEmailChange",
      summary: "Confirm a new email address",
      description: "`code` needs the caller; the link's `token` needs none. Other sessions are revoked; the old address gets a 7-day undo link.",
      tags: [PORTAL],
      body: confirmEmailChangeSchema,
      success: { description: "The account's address is now the new one.", schema: message("Email changed").extend({ email: z.string() }) },
      errors: ["INVALID_OTP", "UNAUTHORIZED", "EMAIL_TAKEN"],
    }),
  },
  "/api/v1/user/email/revert": {
    post: v1Operation({
      operationId: "revertEmailChange",
      summary: "This wasn't me: cancel or undo an email change",
      tags: [PORTAL],
      body: revertEmailChangeSchema,
      success: {
        description: "Cancelled (pending) or undone (completed: the old address is back); every session and token revoked; a reset code sent to the address.",
        schema: message("Email change undone").extend({ email: z.string() }),
      },
      errors: ["INVALID_OTP", "EMAIL_TAKEN"],
    }),
  },
  "/api/v1/user": {
    delete: v1Operation({
      operationId: "deleteAccount",
      summary: "Delete the account",
      tags: [PORTAL],
      auth: true,
      allowUnverified: true,
      body: deleteAccountSchema,
      success: { description: "Deleted with everything it owned; clears `userToken`. The address can register again.", schema: message("Account deleted"), setsCookies: true },
      errors: ["INCORRECT_PASSWORD"],
    }),
  },
};
