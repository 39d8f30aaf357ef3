// `npm run api:types`: writes e2e/typed-client/openapi.d.ts from this checkout's OpenAPI document.
// Run with the react-server condition, so the server modules the document imports load outside Next.
import { writeFileSync } from "node:fs";
import { openApiDocument } from "@/lib/openapi/document";
import { generateTypes, TYPES_FILE } from "./generate";

void generateTypes(openApiDocument()).then((types) => {
  writeFileSync(TYPES_FILE, types);
  console.log(`[api:types] wrote ${TYPES_FILE}`);
});
