"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useForm, useWatch, type Path } from "react-hook-form";
import { callApi } from "@/lib/api-client";
import { NEW_PASSWORD_HINT } from "@/lib/credentials";
import type { ChangePasswordFormValues } from "@/lib/schemas/password-change";
import { FormAlert } from "./form-alert";
import { lazyZodResolver } from "./lazy-zod-resolver";
import { PasswordInput } from "./password-input";
import { StrengthMeter } from "./strength-meter";

/** Which field a server error belongs to, so it shows where the person will look. */
const FIELD_OF_CODE: Record<string, Path<ChangePasswordFormValues>> = {
  INCORRECT_OLD_PASSWORD: "oldPassword",
  SAME_PASSWORD: "newPassword",
  WEAK_PASSWORD: "newPassword",
};
const FIELDS = new Set<string>(["oldPassword", "newPassword", "revokeOtherSessions"]);

export function ChangePasswordForm({ email, name }: { email: string; name: string | null }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const resolver = useMemo(
    () => lazyZodResolver(() => import("@/lib/schemas/password-change").then((schemas) => schemas.changePasswordFormSchema({ email, name }))),
    [email, name],
  );
  const {
    register,
    handleSubmit,
    setError,
    reset,
    control,
    formState: { errors, isSubmitting },
  } = useForm<ChangePasswordFormValues>({
    resolver,
    defaultValues: { oldPassword: "", newPassword: "", confirmNewPassword: "", revokeOtherSessions: true },
  });
  const newPassword = useWatch({ control, name: "newPassword" }) ?? "";

  const onSubmit = handleSubmit(async ({ oldPassword, newPassword, revokeOtherSessions }) => {
    setFormError(null);
    setSuccess(null);
    const result = await callApi("PATCH", "/api/v1/user/password", { oldPassword, newPassword, revokeOtherSessions });
    if (result.ok) {
      reset();
      setSuccess(
        revokeOtherSessions
          ? "Password changed. You were signed out everywhere else."
          : "Password changed.",
      );
      router.refresh();
      return;
    }
    const { code, errors: fieldErrors, message } = result.body;
    const field = code ? FIELD_OF_CODE[code] : undefined;
    if (field) {
      setError(field, { message: fieldErrors?.[field]?.join(". ") ?? message }, { shouldFocus: true });
      return;
    }
    const known = Object.entries(fieldErrors ?? {}).filter(([name]) => FIELDS.has(name));
    for (const [name, messages] of known) setError(name as Path<ChangePasswordFormValues>, { message: messages.join(". ") });
    if (!known.length) setFormError(result.status === 401 ? "Your session has ended. Sign in again to change your password." : message);
  });

  return (
    <form method="post" onSubmit={onSubmit} onFocus={resolver.preload} noValidate aria-labelledby="change-password-title">
      <h2 id="change-password-title">Change password</h2>
      <FormAlert message={formError} />
      <FormAlert message={success} tone="success" />
      <PasswordInput
        label="Current password"
        autoComplete="current-password"
        error={errors.oldPassword?.message}
        {...register("oldPassword")}
      />
      <PasswordInput
        label="New password"
        autoComplete="new-password"
        hint={NEW_PASSWORD_HINT}
        error={errors.newPassword?.message}
        aria-describedby="new-password-strength"
        {...register("newPassword")}
      />
      <StrengthMeter id="new-password-strength" password={newPassword} userInputs={[email, name ?? ""].filter(Boolean)} />
      <PasswordInput
        label="Confirm new password"
        autoComplete="new-password"
        error={errors.confirmNewPassword?.message}
        {...register("confirmNewPassword")}
      />
      <div className="checkbox">
        <input id="revoke-others" type="checkbox" {...register("revokeOtherSessions")} />
        <label htmlFor="revoke-others">Sign out of all other sessions and API tokens</label>
      </div>
      <button type="submit" className="button" disabled={isSubmitting} aria-busy={isSubmitting}>
        {isSubmitting ? "Changing password…" : "Change password"}
      </button>
    </form>
  );
}
