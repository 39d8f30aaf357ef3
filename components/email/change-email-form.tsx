"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { callApi } from "@/lib/api-client";
import type { changeEmailSchema, EmailCodeFormValues } from "@/lib/schemas/email-recovery";
import type { z } from "zod";
import { FormAlert } from "../form-alert";
import { lazyZodResolver } from "../lazy-zod-resolver";
import { PasswordInput } from "../password-input";
import { TextInput } from "../text-input";

type ChangeValues = z.input<typeof changeEmailSchema>;
const requestResolver = lazyZodResolver(() => import("@/lib/schemas/email-recovery").then((schemas) => schemas.changeEmailSchema));
const confirmResolver = lazyZodResolver(() => import("@/lib/schemas/email-recovery").then((schemas) => schemas.emailCodeFormSchema));

/** Step 1: new address and password. Step 2: the code mailed to the new address. */
export function ChangeEmailForm() {
  const router = useRouter();
  const [pending, setPending] = useState<string | null>(null);
  const [alert, setAlert] = useState<{ tone: "error" | "success"; message: string } | null>(null);
  const request = useForm<ChangeValues>({ resolver: requestResolver, defaultValues: { newEmail: "", password: "" } });
  const confirm = useForm<EmailCodeFormValues>({ resolver: confirmResolver, defaultValues: { code: "" } });

  const onRequest = request.handleSubmit(async (values) => {
    setAlert(null);
    const result = await callApi<{ pendingEmail: string }>("POST", "/api/v1/user/email", values);
    if (result.ok) {
      setPending(result.body.pendingEmail);
      request.reset();
      return;
    }
    if (result.body.code === "INCORRECT_PASSWORD") request.setError("password", { message: result.body.message }, { shouldFocus: true });
    else if (result.body.errors?.newEmail) request.setError("newEmail", { message: result.body.errors.newEmail.join(". ") });
    else setAlert({ tone: "error", message: result.body.message });
  });

  const onConfirm = confirm.handleSubmit(async ({ code }) => {
    setAlert(null);
    const result = await callApi<{ email: string }>("POST", "/api/v1/user/email/confirm", { code: code.trim() });
    if (result.ok) {
      setPending(null);
      confirm.reset();
      setAlert({ tone: "success", message: `Your email address is now ${result.body.email}. You were signed out everywhere else.` });
      router.refresh();
      return;
    }
    if (result.body.code === "INVALID_OTP") confirm.setError("code", { message: "That code is wrong or has expired." }, { shouldFocus: true });
    else setAlert({ tone: "error", message: result.body.message });
  });

  return (
    <div aria-labelledby="change-email-title">
      <h2 id="change-email-title">Change email address</h2>
      <FormAlert message={alert?.message} tone={alert?.tone} />
      {pending ? (
        <form method="post" onSubmit={onConfirm} onFocus={confirmResolver.preload} noValidate>
          <p>
            Enter the code we sent to <strong data-testid="pending-email">{pending}</strong>. Your current address was told too.
          </p>
          <TextInput label="Confirmation code" inputMode="numeric" autoComplete="one-time-code" error={confirm.formState.errors.code?.message} {...confirm.register("code")} />
          <button type="submit" className="button" disabled={confirm.formState.isSubmitting} aria-busy={confirm.formState.isSubmitting}>
            {confirm.formState.isSubmitting ? "Confirming…" : "Confirm new address"}
          </button>
        </form>
      ) : (
        <form method="post" onSubmit={onRequest} onFocus={requestResolver.preload} noValidate>
          <TextInput label="New email address" type="email" autoComplete="email" error={request.formState.errors.newEmail?.message} {...request.register("newEmail")} />
          <PasswordInput label="Your password" autoComplete="current-password" error={request.formState.errors.password?.message} {...request.register("password")} />
          <button type="submit" className="button" disabled={request.formState.isSubmitting} aria-busy={request.formState.isSubmitting}>
            {request.formState.isSubmitting ? "Sending the code…" : "Change email"}
          </button>
        </form>
      )}
    </div>
  );
}
