// Step 1 of the reset: the email a code is sent to.
import { useForm } from "react-hook-form";
import type { z } from "zod";
import type { forgotPasswordSchema } from "@/lib/schemas/password-reset";
import { lazyZodResolver } from "../lazy-zod-resolver";
import { TextInput } from "../text-input";

const emailResolver = lazyZodResolver(() => import("@/lib/schemas/password-reset").then(({ forgotPasswordSchema }) => forgotPasswordSchema));

export function EmailStep({ onSubmit }: { onSubmit: (email: string) => Promise<boolean> }) {
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof forgotPasswordSchema>>({ resolver: emailResolver });
  return (
    <form method="post" onSubmit={handleSubmit(async ({ email }) => void (await onSubmit(email)))} onFocus={emailResolver.preload} noValidate>
      <TextInput label="Email" type="email" autoComplete="email" inputMode="email" error={errors.email?.message} {...register("email")} />
      <button type="submit" className="button" disabled={isSubmitting} aria-busy={isSubmitting}>
        {isSubmitting ? "Sending code…" : "Send code"}
      </button>
    </form>
  );
}
