import { inject } from "vitest";
import { waitForMail } from "../support/mailbox";
import type { ApiClient, RequestOptions } from "./client";

export const mailDir = inject("mailDir");

/** The newest mail to `to` with `subject` since `after`, and the code and link token it carries. */
export async function mailedSecrets(to: string, subject: string, after: number, dir = mailDir) {
  // Generous: every registration in the suite queues two mails for the one sender per server.
  const mail = await waitForMail(dir, { to, subject, after }, 30_000);
  const code = /code is (\d{6})/.exec(mail.text ?? "")?.[1];
  const token = /token=([A-Za-z0-9_-]+)/.exec(mail.text ?? "")?.[1];
  return { code, token, mail };
}

export const VERIFY_SUBJECT = "Verify your email address";
export const CONFIRM_NEW_SUBJECT = "Confirm your new email address";
export const CHANGE_REQUESTED_SUBJECT = "A change of your email address was requested";
export const CHANGED_SUBJECT = "Your email address was changed";
export const TAKEN_SUBJECT = "Someone tried to use your email address";

export const recovery = (api: ApiClient) => ({
  verify: (body: unknown, options?: RequestOptions) => api.request("POST", "/api/v1/user/verify-email", body, options),
  resend: (options?: RequestOptions) => api.request("POST", "/api/v1/user/verify-email/resend", undefined, options),
  changeEmail: (body: unknown, options?: RequestOptions) => api.request("POST", "/api/v1/user/email", body, options),
  confirmChange: (body: unknown, options?: RequestOptions) => api.request("POST", "/api/v1/user/email/confirm", body, options),
  revert: (body: unknown, options?: RequestOptions) => api.request("POST", "/api/v1/user/email/revert", body, options),
  deleteAccount: (body: unknown, options?: RequestOptions) => api.request("DELETE", "/api/v1/user", body, options),
});
