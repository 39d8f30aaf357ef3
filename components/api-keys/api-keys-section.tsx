"use client";

import { useState } from "react";
import { ApiKeyList, type ApiKeyView } from "./api-key-list";
import { CreateApiKeyForm, type CreatedApiKey } from "./create-api-key-form";
import { NewApiKey } from "./new-api-key";

/** The list entry of a key just created, until the server's list (router.refresh) has it too. */
function listEntryOf(created: CreatedApiKey): ApiKeyView {
  return { id: created.id, name: created.name, prefix: created.prefix, createdAt: new Date(created.createdAt), lastUsedAt: null };
}

/**
 * "Apps with API access" on /account. The list comes from the server; a new key lives only in
 * this component's state, so it is gone after a reload, as the person is told. What was just
 * created or revoked shows at once, without waiting for the server's list: the page never says
 * "no key" beside a new one, nor shows a key that no longer works.
 */
export function ApiKeysSection({ apiKeys }: { apiKeys: ApiKeyView[] }) {
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [revoked, setRevoked] = useState<ReadonlySet<string>>(() => new Set());
  const live = apiKeys.filter((apiKey) => !revoked.has(apiKey.id));
  const shown = created && !revoked.has(created.id) ? created : null;
  const listed = shown && !live.some((apiKey) => apiKey.id === shown.id) ? [listEntryOf(shown), ...live] : live;
  const onRevoked = (id: string) => setRevoked((before) => new Set(before).add(id));
  return (
    <section className="card api-keys" aria-labelledby="api-keys-title">
      <h2 id="api-keys-title">Apps with API access</h2>
      <p className="muted">
        Give a third-party application its own key, so your security activity can name it. A key only says which
        application is calling: the application still needs you to sign in to act on your account.
      </p>
      {shown && <NewApiKey created={shown} onDone={() => setCreated(null)} />}
      <CreateApiKeyForm onCreated={setCreated} />
      <ApiKeyList apiKeys={listed} onRevoked={onRevoked} />
    </section>
  );
}
