"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { callApi } from "@/lib/api-client";

function useAction(method: string, path: string) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run() {
    setPending(true);
    setError(null);
    const result = await callApi(method, path);
    setPending(false);
    if (!result.ok) {
      setError(result.body.message);
      return;
    }
    router.refresh();
  }
  return { pending, error, run };
}

export function RevokeSessionButton({ sessionId, description }: { sessionId: string; description: ReactNode }) {
  const { pending, error, run } = useAction("DELETE", `/api/v1/user/sessions/${encodeURIComponent(sessionId)}`);
  return (
    <>
      <button type="button" className="button small secondary" onClick={run} disabled={pending} aria-busy={pending}>
        {pending ? "Revoking…" : "Revoke"}
        <span className="visually-hidden"> {description}</span>
      </button>
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
    </>
  );
}

export function SignOutEverywhereElseButton() {
  const { pending, error, run } = useAction("POST", "/api/v1/user/sessions/revoke-others");
  return (
    <>
      <button type="button" className="button secondary" onClick={run} disabled={pending} aria-busy={pending}>
        {pending ? "Signing out other sessions…" : "Sign out everywhere else"}
      </button>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </>
  );
}
