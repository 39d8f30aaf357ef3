"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { signInWithCredentials } from "@/lib/auth-client";
import { takeResetEmail } from "@/lib/reset-handoff";
import { safeReturnPath } from "@/lib/return-path";
import { FormAlert } from "./form-alert";
import { lazyZodResolver } from "./lazy-zod-resolver";
import { PasswordInput } from "./password-input";
import { signInErrorMessage } from "./sign-in-messages";
import { TextInput } from "./text-input";

const resolver = lazyZodResolver(() => import("@/lib/schemas/auth").then((schemas) => schemas.loginSchema));

/** `afterReset`: the page was reached from a finished reset, whose address is filled in for the person. */
export function SignInForm({ returnTo, initialError, afterReset = false }: { returnTo: string; initialError?: string; afterReset?: boolean }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(signInErrorMessage(initialError));
  const {
    register,
    handleSubmit,
    setValue,
    setFocus,
    formState: { errors, isSubmitting },
  } = useForm({ resolver, defaultValues: { email: "", password: "" } });

  useEffect(() => {
    if (!afterReset) return;
    const email = takeResetEmail();
    if (!email) return;
    setValue("email", email);
    setFocus("password");
  }, [afterReset, setValue, setFocus]);

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await signInWithCredentials(values);
    if (result.error === "SECOND_FACTOR_REQUIRED") {
      router.push(`/sign-in/two-step?callbackUrl=${encodeURIComponent(returnTo)}`);
      return;
    }
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
