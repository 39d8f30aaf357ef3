"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { callApi } from "@/lib/api-client";
import type { EmailCodeFormValues } from "@/lib/schemas/email-recovery";
import { FormAlert } from "../form-alert";
import { lazyZodResolver } from "../lazy-zod-resolver";
import { TextInput } from "../text-input";

const resolver = lazyZodResolver(() => import("@/lib/schemas/email-recovery").then((schemas) => schemas.emailCodeFormSchema));

/**
 * Shown on /account until the address is verified: the mailed code, and a new mail on request.
 * With REQUIRE_VERIFIED_EMAIL the rest of the API refuses this account until then.
 */
export function VerifyEmailBanner({ email }: { email: string }) {
  const router = useRouter();
  const [alert, setAlert] = useState<{ tone: "error" | "success"; message: string } | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<EmailCodeFormValues>({
    resolver,
    defaultValues: { code: "" },
  });

  const onSubmit = handleSubmit(async ({ code }) => {
    setAlert(null);
    const result = await callApi("POST", "/api/v1/user/verify-email", { code: code.trim() });
    if (result.ok) {
      router.refresh();
      return;
    }
    if (result.body.code === "INVALID_OTP") setError("code", { message: "That code is wrong or has expired. Ask for a new one." }, { shouldFocus: true });
    else setAlert({ tone: "error", message: result.body.message });
  });

  const resend = async () => {
    setAlert(null);
    const result = await callApi("POST", "/api/v1/user/verify-email/resend");
    setAlert(result.ok ? { tone: "success", message: `A new code was sent to ${email}.` } : { tone: "error", message: result.body.message });
  };

  return (
    <section className="card banner" aria-labelledby="verify-title" data-testid="verify-email-banner">
      <h2 id="verify-title">Verify your email address</h2>
      <p>
        We sent a 6-digit code to <strong>{email}</strong>. Password resets go to this address, so confirm that it reaches you.
      </p>
      <FormAlert message={alert?.message} tone={alert?.tone} />
      <form method="post" onSubmit={onSubmit} onFocus={resolver.preload} noValidate>
        <TextInput label="Verification code" inputMode="numeric" autoComplete="one-time-code" error={formState.errors.code?.message} {...register("code")} />
        <button type="submit" className="button" disabled={formState.isSubmitting} aria-busy={formState.isSubmitting}>
          Verify email
        </button>
        <button type="button" className="button secondary" onClick={resend}>
          Send a new code
        </button>
      </form>
    </section>
  );
}
