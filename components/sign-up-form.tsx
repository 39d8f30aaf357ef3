"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type Path } from "react-hook-form";
import type { z } from "zod";
import { callApi } from "@/lib/api-client";
import { signInWithCredentials } from "@/lib/auth-client";
import { PASSWORD_MIN_LENGTH } from "@/lib/credentials";
import { preloadStrengthData } from "@/lib/password-strength/load-dictionary";
import { safeReturnPath } from "@/lib/return-path";
import type { registerSchema } from "@/lib/schemas/auth";
import { FormAlert } from "./form-alert";
import { lazyZodResolver } from "./lazy-zod-resolver";
import { PasswordInput } from "./password-input";
import { TextInput } from "./text-input";

type Values = z.input<typeof registerSchema>;
const FIELDS = new Set<string>(["email", "password", "name"]);
const resolver = lazyZodResolver(() => import("@/lib/schemas/auth").then((schemas) => schemas.registerSchema));

export function SignUpForm({ returnTo }: { returnTo: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ resolver });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await callApi("POST", "/api/v1/user/register", values);
    if (!result.ok) {
      if (result.body.code === "EMAIL_TAKEN") {
        setError("email", { message: "An account with this email already exists. Sign in instead?" }, { shouldFocus: true });
        return;
      }
      const fieldErrors = Object.entries(result.body.errors ?? {}).filter(([field]) => FIELDS.has(field));
      for (const [field, messages] of fieldErrors) setError(field as Path<Values>, { message: messages.join(". ") });
      if (!fieldErrors.length) setFormError(result.body.message);
      return;
    }
    const signedIn = await signInWithCredentials({ email: values.email, password: values.password });
    // The page checked returnTo already; checked again here, where it is finally followed.
    const destination = safeReturnPath(returnTo, window.location.origin);
    if (signedIn.error) {
      // The account exists; only the automatic sign-in failed: say so, and let them sign in.
      router.replace(`/sign-in?callbackUrl=${encodeURIComponent(destination)}&error=${encodeURIComponent(signedIn.error)}`);
      return;
    }
    router.replace(destination);
    router.refresh();
  });

  return (
    <form method="post" onSubmit={onSubmit} onFocus={resolver.preload} noValidate>
      <FormAlert message={formError} />
      <TextInput label="Name (optional)" autoComplete="name" error={errors.name?.message} {...register("name")} />
      <TextInput
        label="Email"
        type="email"
        autoComplete="email"
        inputMode="email"
        error={errors.email?.message}
        {...register("email")}
      />
      <PasswordInput
        label="Password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A long passphrase is easiest to remember.`}
        error={errors.password?.message}
        onFocus={preloadStrengthData}
        {...register("password")}
      />
      <button type="submit" className="button" disabled={isSubmitting} aria-busy={isSubmitting}>
        {isSubmitting ? "Creating account…" : "Create account"}
      </button>
    </form>
  );
}
