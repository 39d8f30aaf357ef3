"use client";

import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { callApi } from "@/lib/api-client";
import type { DeleteAccountFormValues } from "@/lib/schemas/email-recovery";
import { FormAlert } from "./form-alert";
import { lazyZodResolver } from "./lazy-zod-resolver";
import { PasswordInput } from "./password-input";
import { TextInput } from "./text-input";

/** The password, and the account's email typed out: deleting cannot be undone. */
export function DeleteAccountForm({ email }: { email: string }) {
  const [formError, setFormError] = useState<string | null>(null);
  const resolver = useMemo(
    () => lazyZodResolver(() => import("@/lib/schemas/email-recovery").then((schemas) => schemas.deleteAccountFormSchema(email))),
    [email],
  );
  const { register, handleSubmit, setError, formState } = useForm<DeleteAccountFormValues>({
    resolver,
    defaultValues: { password: "", confirmation: "" },
  });

  const onSubmit = handleSubmit(async ({ password }) => {
    setFormError(null);
    const result = await callApi("DELETE", "/api/v1/user", { password });
    if (result.ok) {
      // The session died with the account: next-auth's cookie now names nothing.
      window.location.assign("/sign-in?deleted=1");
      return;
    }
    if (result.body.code === "INCORRECT_PASSWORD") setError("password", { message: result.body.message }, { shouldFocus: true });
    else setFormError(result.body.message);
  });

  return (
    <form method="post" onSubmit={onSubmit} onFocus={resolver.preload} noValidate aria-labelledby="delete-account-title">
      <h2 id="delete-account-title">Delete account</h2>
      <p>
        This deletes your account, its sessions, API keys and activity at once. It cannot be undone. To confirm, type <strong>{email}</strong>.
      </p>
      <FormAlert message={formError} />
      <PasswordInput label="Password" autoComplete="current-password" error={formState.errors.password?.message} {...register("password")} />
      <TextInput label="Type your email address" autoComplete="off" error={formState.errors.confirmation?.message} {...register("confirmation")} />
      <button type="submit" className="button danger" disabled={formState.isSubmitting} aria-busy={formState.isSubmitting}>
        {formState.isSubmitting ? "Deleting…" : "Delete my account"}
      </button>
    </form>
  );
}
