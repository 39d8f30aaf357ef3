"use client";

// The forgot-password page: email → emailed code (or the link, which skips to the last step) →
// new password, one step on screen at a time.
import { useEffect, useRef, useState } from "react";
import { callApi } from "@/lib/api-client";
import { RESET_REQUEST_COOLDOWN_MS } from "@/lib/reset-rules";
import { FormAlert } from "../form-alert";
import { CodeStep } from "./code-step";
import { EmailStep } from "./email-step";
import { PasswordStep } from "./password-step";

type Step = "email" | "code" | "password";

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
