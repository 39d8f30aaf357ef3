"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { signInWithSecondFactor } from "@/lib/auth-client";
import { safeReturnPath } from "@/lib/return-path";
import { REQUIRED_MESSAGE } from "@/lib/schemas/fields";
import { FormAlert } from "./form-alert";
import { signInErrorMessage } from "./sign-in-messages";
import { TextInput } from "./text-input";

type Mode = "app" | "recovery";

/**
 * The second step of a sign-in whose password was right: a code from the authenticator app, or
 * one of the recovery codes. The challenge it answers is in an HttpOnly cookie the password step
 * set, so a reload keeps the step (for its 5 minutes).
 */
export function TwoStepForm({ returnTo }: { returnTo: string }) {
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("app");
  const [formError, setFormError] = useState<string | null>(null);
  const [expired, setExpired] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm<{ code: string }>({ defaultValues: { code: "" } });

  const onSubmit = handleSubmit(async ({ code }) => {
    setFormError(null);
    const result = await signInWithSecondFactor(code);
    if (!result.error) {
      router.replace(safeReturnPath(returnTo, window.location.origin));
      router.refresh();
      return;
    }
    if (result.error === "INVALID_OTP") {
      setError("code", { message: signInErrorMessage("INVALID_OTP")! }, { shouldFocus: true });
      return;
    }
    if (result.error === "INVALID_REQUEST") setExpired(true);
    setFormError(signInErrorMessage(result.error));
  });

  function switchTo(next: Mode) {
    setMode(next);
    reset({ code: "" });
    setFormError(null);
    // After the render that relabels the field.
    setTimeout(() => setFocus("code"));
  }

  if (expired) {
    return (
      <>
        <FormAlert message={formError} />
        <a className="button" href={`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`}>
          Sign in again
        </a>
      </>
    );
  }
  return (
    <form method="post" onSubmit={onSubmit} noValidate>
      <FormAlert message={formError} />
      {mode === "app" ? (
        <TextInput
          key="app"
          label="6-digit code from your app"
          inputMode="numeric"
          autoComplete="one-time-code"
          autoFocus
          error={errors.code?.message}
          {...register("code", { required: REQUIRED_MESSAGE })}
        />
      ) : (
        <TextInput
          key="recovery"
          label="Recovery code"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          error={errors.code?.message}
          {...register("code", { required: REQUIRED_MESSAGE })}
        />
      )}
      <button type="submit" className="button" disabled={isSubmitting} aria-busy={isSubmitting}>
        {isSubmitting ? "Checking…" : "Continue"}
      </button>
      <p>
        <button type="button" className="link-button" onClick={() => switchTo(mode === "app" ? "recovery" : "app")}>
          {mode === "app" ? "Use a recovery code" : "Use the code from your app"}
        </button>
      </p>
    </form>
  );
}
