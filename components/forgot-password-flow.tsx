"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { callApi } from "@/lib/api-client";
import { PASSWORD_MIN_LENGTH } from "@/lib/credentials";
import type { confirmResetSchema, forgotPasswordSchema, ResetPasswordFormValues } from "@/lib/schemas/password-reset";
import { RESET_MAX_FAILED_ATTEMPTS, RESET_REQUEST_COOLDOWN_MS } from "@/lib/reset-rules";
import type { z } from "zod";
import { FormAlert } from "./form-alert";
import { lazyZodResolver } from "./lazy-zod-resolver";
import { PasswordInput } from "./password-input";
import { StrengthMeter } from "./strength-meter";
import { TextInput } from "./text-input";
import { useCountdown } from "./use-countdown";

type Step = "email" | "code" | "password";

const schemas = () => import("@/lib/schemas/password-reset");
const emailResolver = lazyZodResolver(() => schemas().then(({ forgotPasswordSchema }) => forgotPasswordSchema));
const codeResolver = lazyZodResolver(() => schemas().then(({ confirmResetSchema }) => confirmResetSchema));
const passwordResolver = lazyZodResolver(() => schemas().then(({ resetPasswordFormSchema }) => resetPasswordFormSchema));

const MESSAGES: Record<string, string> = {
  INVALID_OTP: "That code is not valid. It may be mistyped, expired, or replaced by a newer one.",
  INVALID_REQUEST: "This reset has expired or was already used. Please start again.",
  NO_ACCOUNT: "That email is not the one this reset was started for.",
};

/**
 * After five wrong codes the code is locked, and the API keeps answering INVALID_OTP (anything
 * else would tell which emails have a reset in progress); the page knows how many it sent.
 */
const CODE_LOCKED_MESSAGE = `That code is not valid. After ${RESET_MAX_FAILED_ATTEMPTS} wrong tries a code stops working, even the right one: send a new code and use that.`;

export function ForgotPasswordFlow({ linkToken }: { linkToken?: string }) {
  const [step, setStep] = useState<Step>(linkToken ? "code" : "email");
  const [email, setEmail] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [resendAt, setResendAt] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);

  // Each step is a new screen for a screen reader: move focus to its heading.
  useEffect(() => {
    heading.current?.focus();
  }, [step]);

  // The emailed link confirms on arrival and lands on the last step.
  const linkHandled = useRef(false);
  useEffect(() => {
    if (!linkToken || linkHandled.current) return;
    linkHandled.current = true;
    // The token is a credential: off the address bar and out of history (and of anything that
    // records or shares the address) as soon as it has been read.
    window.history.replaceState(null, "", window.location.pathname);
    void callApi<{ email: string }>("POST", "/api/v1/user/confirm-otp-reset", { resetToken: linkToken }).then((result) => {
      if (result.ok) {
        setEmail(result.body.email);
        setStep("password");
      } else {
        setError("This link is no longer valid. Enter your email to get a new code.");
        setStep("email");
      }
    });
  }, [linkToken]);

  async function sendCode(address: string) {
    setError(null);
    const result = await callApi("POST", "/api/v1/user/forgot-password", { email: address });
    if (!result.ok && result.status !== 429) {
      setError(result.body.message);
      return false;
    }
    setEmail(address);
    setResendAt(Date.now() + RESET_REQUEST_COOLDOWN_MS);
    setNotice(
      result.ok
        ? `If an account exists for ${address}, we sent it a 6-digit code. It expires in 10 minutes.`
        : `${result.body.message} If we sent you a code recently, you can enter it below.`,
    );
    setStep("code");
    return true;
  }

  return (
    <div>
      <h2 ref={heading} tabIndex={-1} className="step-title">
        {step === "email" ? "Step 1 of 3: your email" : step === "code" ? "Step 2 of 3: the code we emailed" : "Step 3 of 3: a new password"}
      </h2>
      <FormAlert message={error} />
      {step === "email" && <EmailStep onSubmit={sendCode} />}
      {step === "code" && (
        <CodeStep
          email={email}
          notice={linkToken && !email ? "Checking your link…" : notice}
          resendAt={resendAt}
          onResend={() => sendCode(email)}
          onConfirmed={() => {
            setError(null);
            setStep("password");
          }}
          onError={setError}
        />
      )}
      {step === "password" && <PasswordStep email={email} onRestart={() => setStep("email")} onError={setError} />}
    </div>
  );
}

function EmailStep({ onSubmit }: { onSubmit: (email: string) => Promise<boolean> }) {
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

interface CodeStepProps {
  email: string;
  notice: string | null;
  resendAt: number;
  onResend: () => Promise<boolean>;
  onConfirmed: () => void;
  onError: (message: string | null) => void;
}

function CodeStep({ email, notice, resendAt, onResend, onConfirmed, onError }: CodeStepProps) {
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

function PasswordStep({ email, onRestart, onError }: { email: string; onRestart: () => void; onError: (message: string | null) => void }) {
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
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong, memorable password.`}
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
