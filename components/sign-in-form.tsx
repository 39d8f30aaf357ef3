"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { signInWithCredentials } from "@/lib/auth-client";
import { safeReturnPath } from "@/lib/return-path";
import { FormAlert } from "./form-alert";
import { lazyZodResolver } from "./lazy-zod-resolver";
import { PasswordInput } from "./password-input";
import { signInErrorMessage } from "./sign-in-messages";
import { TextInput } from "./text-input";

const resolver = lazyZodResolver(() => import("@/lib/schemas/auth").then((schemas) => schemas.loginSchema));

export function SignInForm({ returnTo, initialError }: { returnTo: string; initialError?: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(signInErrorMessage(initialError));
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm({ resolver });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await signInWithCredentials(values);
    if (result.error) {
      setFormError(signInErrorMessage(result.error));
      return;
    }
    // The page checked returnTo already; checked again here, where it is finally followed.
    router.replace(safeReturnPath(returnTo, window.location.origin));
    router.refresh();
  });

  return (
    <form method="post" onSubmit={onSubmit} onFocus={resolver.preload} noValidate aria-describedby={formError ? "sign-in-error" : undefined}>
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
