"use client";

import { useState } from "react";
import { ApiKeyList, type ApiKeyView } from "./api-key-list";
import { CreateApiKeyForm, type CreatedApiKey } from "./create-api-key-form";
import { NewApiKey } from "./new-api-key";

/**
 * "Apps with API access" on /account. The list comes from the server; a new key lives only in
 * this component's state, so it is gone after a reload, as the person is told.
 */
export function ApiKeysSection({ apiKeys }: { apiKeys: ApiKeyView[] }) {
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  return (
    <section className="card api-keys" aria-labelledby="api-keys-title">
      <h2 id="api-keys-title">Apps with API access</h2>
      <p className="muted">
        Give a third-party application its own key, so your security activity can name it. A key only says which
        application is calling: the application still needs you to sign in to act on your account.
      </p>
      {created && <NewApiKey created={created} onDone={() => setCreated(null)} />}
      <CreateApiKeyForm onCreated={setCreated} />
      <ApiKeyList apiKeys={apiKeys} />
    </section>
  );
}
