// Step 2 of the reset: the emailed code, with a resend once the cooldown is over.
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { callApi } from "@/lib/api-client";
import { RESET_MAX_FAILED_ATTEMPTS } from "@/lib/reset-rules";
import type { confirmResetSchema } from "@/lib/schemas/password-reset";
import { lazyZodResolver } from "../lazy-zod-resolver";
import { TextInput } from "../text-input";
import { useCountdown } from "../use-countdown";
import { CODE_LOCKED_MESSAGE, MESSAGES } from "./messages";

const codeResolver = lazyZodResolver(() => import("@/lib/schemas/password-reset").then(({ confirmResetSchema }) => confirmResetSchema));

export interface CodeStepProps {
  email: string;
  notice: string | null;
  resendAt: number;
  onResend: () => Promise<boolean>;
  onConfirmed: () => void;
  onError: (message: string | null) => void;
}

export function CodeStep({ email, notice, resendAt, onResend, onConfirmed, onError }: CodeStepProps) {
  const secondsLeft = useCountdown(resendAt);
  // Wrong codes sent from this page since the last code was sent.
  const [wrongTries, setWrongTries] = useState(0);
  const locked = wrongTries >= RESET_MAX_FAILED_ATTEMPTS;
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<z.input<typeof confirmResetSchema>>({ resolver: codeResolver, defaultValues: { resetToken: "", email } });
  const codeField = register("resetToken", {
    // Paste-friendly: "123 456" or "Code: 123456" becomes 123456.
    setValueAs: (value: string) => value.replace(/\D/g, "").slice(0, 6),
  });

  const onSubmit = handleSubmit(async (values) => {
    onError(null);
    const result = await callApi("POST", "/api/v1/user/confirm-otp-reset", values);
    if (result.ok) return onConfirmed();
    const tries = result.body.code === "INVALID_OTP" ? wrongTries + 1 : wrongTries;
    setWrongTries(tries);
    const message = tries >= RESET_MAX_FAILED_ATTEMPTS ? CODE_LOCKED_MESSAGE : (MESSAGES[result.body.code ?? ""] ?? result.body.message);
    setError("resetToken", { message }, { shouldFocus: true });
  });

  async function resend() {
    if (await onResend()) setWrongTries(0);
  }

  return (
    <form method="post" onSubmit={onSubmit} onFocus={codeResolver.preload} noValidate>
      {notice && (
        <p role="status" className="hint">
          {notice}
        </p>
      )}
      <TextInput
        label="6-digit code"
        autoComplete="one-time-code"
        inputMode="numeric"
        pattern="[0-9]*"
        maxLength={12}
        error={errors.resetToken?.message}
        {...codeField}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={isSubmitting} aria-busy={isSubmitting}>
          {isSubmitting ? "Checking…" : "Continue"}
        </button>
        <button type="button" className={locked ? "button" : "button secondary"} disabled={secondsLeft > 0 || !email} onClick={() => void resend()}>
          {secondsLeft > 0 ? `${locked ? "Send a new code" : "Resend code"} in ${secondsLeft} s` : locked ? "Send a new code" : "Resend code"}
        </button>
      </div>
    </form>
  );
}
