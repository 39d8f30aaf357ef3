import type { Metadata } from "next";
import { connection } from "next/server";
import { ApiReference } from "@/components/api-reference";

export const metadata: Metadata = { title: "API reference" };

/** The API reference, rendered from GET /api/openapi.json. */
export default async function ApiReferencePage() {
  // Rendered per request, never prerendered: only then do Next's scripts carry this response's CSP nonce.
  await connection();
  return <ApiReference specUrl="/api/openapi.json" />;
}
