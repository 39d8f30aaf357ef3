import { inject } from "vitest";
import { waitForMail } from "../support/mailbox";
import type { ApiClient } from "./client";

const mailDir = inject("mailDir");

/** Asks for a reset and returns the code and link token from the mail the SMTP server received. */
export async function requestReset(api: ApiClient, email: string) {
  const after = Date.now();
  const response = await api.request("POST", "/api/v1/user/forgot-password", { email });
  if (response.status !== 200) throw new Error(`forgot-password answered ${response.status}: ${response.text}`);
  const mail = await waitForMail(mailDir, { to: email, subject: "Your password reset code", after });
  const code = /reset code is (\d{6})/.exec(mail.text ?? "")?.[1];
  const token = /token=([A-Za-z0-9_-]+)/.exec(mail.text ?? "")?.[1];
  if (!code || !token) throw new Error(`no code or link in: ${mail.text}`);
  return { code, token, mail };
}

export const confirm = (api: ApiClient, body: unknown) => api.request("POST", "/api/v1/user/confirm-otp-reset", body);

export const completeReset = (api: ApiClient, body: unknown, cookie?: string) =>
  api.request("POST", "/api/v1/user/password-reset", body, cookie ? { headers: { cookie } } : {});
