"use client";

import { LocalTime } from "../local-time";
import { RevokeApiKeyButton } from "./revoke-api-key-button";

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export function ApiKeyList({ apiKeys, onRevoked }: { apiKeys: ApiKeyView[]; onRevoked: (id: string) => void }) {
  if (apiKeys.length === 0) return <p className="muted">No application has a key yet.</p>;
  return (
    <ul className="api-key-list" data-testid="api-keys" aria-label="Your API keys">
      {apiKeys.map((apiKey) => (
        <li key={apiKey.id}>
          <div className="api-key-summary">
            <strong className="api-key-name">{apiKey.name}</strong>
            <code className="secret">{apiKey.prefix}…</code>
          </div>
          <dl className="api-key-dates">
            <dt>Created</dt>
            <dd>
              <LocalTime value={apiKey.createdAt} timeStyle="short" />
            </dd>
            <dt>Last used</dt>
            <dd>{apiKey.lastUsedAt ? <LocalTime value={apiKey.lastUsedAt} timeStyle="short" /> : "Never"}</dd>
          </dl>
          <RevokeApiKeyButton id={apiKey.id} name={apiKey.name} onRevoked={onRevoked} />
        </li>
      ))}
    </ul>
  );
}
