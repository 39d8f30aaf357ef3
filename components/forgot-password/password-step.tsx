// Step 3 of the reset: the new password, with the strength meter.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { callApi } from "@/lib/api-client";
import { NEW_PASSWORD_HINT } from "@/lib/credentials";
import { rememberResetEmail } from "@/lib/reset-handoff";
import type { ResetPasswordFormValues } from "@/lib/schemas/password-reset";
import { lazyZodResolver } from "../lazy-zod-resolver";
import { PasswordInput } from "../password-input";
import { StrengthMeter } from "../strength-meter";
import { MESSAGES } from "./messages";

const passwordResolver = lazyZodResolver(() => import("@/lib/schemas/password-reset").then(({ resetPasswordFormSchema }) => resetPasswordFormSchema));

export function PasswordStep({ email, onRestart, onError }: { email: string; onRestart: () => void; onError: (message: string | null) => void }) {
  const router = useRouter();
  const [expired, setExpired] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<ResetPasswordFormValues>({
    resolver: passwordResolver,
    defaultValues: { email, password: "", confirmPassword: "" },
  });
  const password = useWatch({ control, name: "password" }) ?? "";

  const onSubmit = handleSubmit(async ({ email: address, password: newPassword }) => {
    onError(null);
    const result = await callApi("POST", "/api/v1/user/password-reset", { email: address, password: newPassword });
    if (result.ok) {
      rememberResetEmail(address);
      router.push("/sign-in?reset=1");
      return;
    }
    const { code, errors: fieldErrors, message } = result.body;
    if (code === "WEAK_PASSWORD" || code === "SAME_PASSWORD") {
      setError("password", { message: fieldErrors?.password?.join(". ") ?? message }, { shouldFocus: true });
      return;
    }
    if (code === "INVALID_REQUEST") setExpired(true);
    onError(MESSAGES[code ?? ""] ?? message);
  });

  if (expired) {
    return (
      <button type="button" className="button" onClick={onRestart}>
        Start again
      </button>
    );
  }
  return (
    <form method="post" onSubmit={onSubmit} onFocus={passwordResolver.preload} noValidate>
      <p className="hint">
        Choose a new password for <strong>{email}</strong>. Every session will be signed out.
      </p>
      <input type="email" autoComplete="username" value={email} readOnly hidden />
      <PasswordInput
        label="New password"
        autoComplete="new-password"
        hint={NEW_PASSWORD_HINT}
        error={errors.password?.message}
        aria-describedby="reset-password-strength"
        {...register("password")}
      />
      <StrengthMeter id="reset-password-strength" password={password} userInputs={[email]} />
      <PasswordInput label="Confirm new password" autoComplete="new-password" error={errors.confirmPassword?.message} {...register("confirmPassword")} />
      <button type="submit" className="button" disabled={isSubmitting} aria-busy={isSubmitting}>
        {isSubmitting ? "Saving…" : "Set new password"}
      </button>
    </form>
  );
}
