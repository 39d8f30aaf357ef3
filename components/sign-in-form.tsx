"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { safeReturnPath } from "@/lib/return-path";
import { loginSchema, type LoginInput } from "@/lib/schemas/auth";
import { FormAlert } from "./form-alert";
import { PasswordInput } from "./password-input";
import { signInErrorMessage } from "./sign-in-messages";
import { TextInput } from "./text-input";

export function SignInForm({ returnTo, initialError }: { returnTo: string; initialError?: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(signInErrorMessage(initialError));
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<LoginInput>({ resolver: zodResolver(loginSchema) });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (!result || result.error) {
      setFormError(signInErrorMessage(result?.error ?? "Unknown"));
      return;
    }
    // The page checked returnTo already; checked again here, where it is finally followed.
    router.replace(safeReturnPath(returnTo, window.location.origin));
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-describedby={formError ? "sign-in-error" : undefined}>
      <div id="sign-in-error">
        <FormAlert message={formError} />
      </div>
      <TextInput
        label="Email"
        type="email"
        autoComplete="username"
        inputMode="email"
        error={errors.email?.message}
        {...register("email")}
      />
      <PasswordInput
        label="Password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...register("password")}
      />
      <button type="submit" className="button" disabled={isSubmitting} aria-busy={isSubmitting}>
        {isSubmitting ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
