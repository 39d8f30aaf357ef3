"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { callApi } from "@/lib/api-client";

/**
 * Revoking asks once more, in place: the application stops working at its next request. A key
 * found already revoked (in another tab) is gone as well: both end in `onRevoked`.
 */
export function RevokeApiKeyButton({ id, name, onRevoked }: { id: string; name: string; onRevoked: (id: string) => void }) {
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
    if (!result.ok && result.status !== 404) {
      setError(result.body.message);
      return;
    }
    onRevoked(id);
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
