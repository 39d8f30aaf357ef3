"use client";

import { useEffect, useRef, useState } from "react";
import { callApi } from "@/lib/api-client";
import { FormAlert } from "../form-alert";

interface Props {
  /** The link's token, read by the page from the address. */
  token?: string;
  endpoint: string;
  /** What the button says: the token is used only when the person asks (mail scanners open links too). */
  action: string;
  /** Shown on success; `{email}` becomes the address the answer names. */
  done: string;
}

/** A mailed link's landing page: one button that sends the token to its endpoint. */
export function LinkAction({ token, endpoint, action, done }: Props) {
  const [state, setState] = useState<{ tone: "error" | "success"; message: string } | null>(null);
  const [pending, setPending] = useState(false);
  const kept = useRef(token);

  useEffect(() => {
    // The token is a credential: off the address bar and out of history.
    if (token) window.history.replaceState(null, "", window.location.pathname);
  }, [token]);

  if (!kept.current) return <FormAlert message="This link is incomplete. Open it again from the email." />;
  return (
    <>
      <FormAlert message={state?.message} tone={state?.tone} />
      {state?.tone !== "success" && (
        <button
          type="button"
          className="button"
          disabled={pending}
          aria-busy={pending}
          onClick={async () => {
            setPending(true);
            const result = await callApi<{ email: string }>("POST", endpoint, { token: kept.current });
            setPending(false);
            setState(
              result.ok
                ? { tone: "success", message: done.replaceAll("{email}", result.body.email) }
                : { tone: "error", message: result.body.code === "INVALID_OTP" ? "This link has expired or was already used." : result.body.message },
            );
          }}
        >
          {action}
        </button>
      )}
      <p className="muted">
        <a href="/account">Go to your account</a>
      </p>
    </>
  );
}
