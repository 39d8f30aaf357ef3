"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { callApi } from "@/lib/api-client";

/** Revoking asks once more, in place: the application stops working at its next request. */
export function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const revokeRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Focus follows the question: to "Yes, revoke" when asked, back to "Revoke" when cancelled.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) revokeRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  async function revoke() {
    setPending(true);
    setError(null);
    const result = await callApi("DELETE", `/api/v1/user/api-keys/${encodeURIComponent(id)}`);
    setPending(false);
    if (!result.ok) {
      setError(result.status === 404 ? "This key was already revoked." : result.body.message);
      if (result.status === 404) router.refresh();
      return;
    }
    router.refresh();
  }

  if (!confirming) {
    return (
      <button ref={revokeRef} type="button" className="button small secondary" onClick={() => setConfirming(true)}>
        Revoke<span className="visually-hidden"> the key for {name}</span>
      </button>
    );
  }
  return (
    <div role="group" aria-label={`Revoke the key for ${name}?`} className="confirm">
      <p>Revoke this key? {name} will stop working at its next request. This cannot be undone.</p>
      <div className="actions">
        <button ref={confirmRef} type="button" className="button small danger" onClick={revoke} disabled={pending} aria-busy={pending}>
          {pending ? "Revoking…" : "Yes, revoke"}
        </button>
        <button type="button" className="button small secondary" onClick={() => setConfirming(false)} disabled={pending}>
          Cancel
        </button>
      </div>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
