"use client";

import { useEffect, useRef, useState } from "react";
import type { CreatedApiKey } from "./create-api-key-form";

/** Copies through the Clipboard API, or by selecting the text where that is unavailable. */
async function copyText(text: string, fallback: HTMLElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!fallback) return false;
    const range = document.createRange();
    range.selectNodeContents(fallback);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    return document.execCommand("copy");
  }
}

/** The key, once. Focus moves here so that screen-reader and keyboard users meet it at once. */
export function NewApiKey({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const keyRef = useRef<HTMLElement>(null);
  const [copyStatus, setCopyStatus] = useState<string | null>(null);

  useEffect(() => {
    headingRef.current?.focus();
    setCopyStatus(null);
  }, [created.id]);

  async function copy() {
    const copied = await copyText(created.key, keyRef.current);
    setCopyStatus(copied ? "Copied to the clipboard." : "Could not copy: select the key and copy it yourself.");
  }

  return (
    <div className="alert alert-success new-api-key" data-testid="new-api-key">
      <h3 ref={headingRef} tabIndex={-1} className="step-title">
        Key for {created.name} created
      </h3>
      <p>
        <strong>Copy it now: you will not see it again.</strong> Only a fingerprint of it is kept, so if it is lost, revoke
        it and create another.
      </p>
      <code ref={keyRef} className="secret" data-testid="new-api-key-value">
        {created.key}
      </code>
      <div className="actions">
        <button type="button" className="button small" onClick={copy}>
          Copy key
        </button>
        <button type="button" className="button small secondary" onClick={onDone}>
          Done
        </button>
      </div>
      <p role="status" className="hint">
        {copyStatus}
      </p>
    </div>
  );
}
