"use client";
// The OpenAPI document rendered by Scalar, bundled from npm (no CDN): imported by /docs/api only, so
// its JavaScript and stylesheet load on that page alone.
import "@/lib/zod-jitless";
import { ApiReferenceReact } from "@scalar/api-reference-react";
import "@scalar/api-reference-react/style.css";

export function ApiReference({ specUrl }: { specUrl: string }) {
  return (
    <div className="api-reference">
      <ApiReferenceReact
        configuration={{
          url: specUrl,
          // Nothing may leave this origin: no web fonts, no telemetry, no request proxy, no AI agent.
          withDefaultFonts: false,
          telemetry: false,
          hideClientButton: true,
          showDeveloperTools: "never",
          agent: { disabled: true },
          documentDownloadType: "json",
        }}
      />
    </div>
  );
}
