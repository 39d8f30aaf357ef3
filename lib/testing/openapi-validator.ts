// Every answer the contract suites receive through e2e/contract/client.ts is checked against the OpenAPI document:
// the operation by method and path template, the response by status (or `default`), the JSON body by
// its schema (ajv, JSON Schema 2020-12 as OpenAPI 3.1 uses). An answer the document does not
// describe fails the test that received it.
import { Ajv2020 } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { openApiDocument } from "@/lib/openapi/document";
import { allowedMethods, documentedRoute } from "@/lib/served-routes";

const document = openApiDocument();
const DOCUMENT_ID = "openapi.json";

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(document, DOCUMENT_ID);

/** Requests the document does not describe, on purpose. */
const EXCLUDED = [
  { test: (path: string) => path.startsWith("/api/auth/"), why: "next-auth's own endpoints (not an API for other clients)" },
  { test: (path: string) => path !== "/api" && !path.startsWith("/api/"), why: "pages" },
];

/**
 * Answers no operation lists (components/responses): any other path under /api, and a method a
 * documented path lacks. The traffic guard answers before either.
 */
const GUARD = { 403: "AccessDenied", 429: "TooManyRequests", 503: "Unavailable" } as const;
const UNKNOWN_PATH: Record<number, string> = { 404: "NotFound", ...GUARD };
const UNKNOWN_METHOD: Record<number, string> = { 405: "MethodNotAllowed", ...GUARD };

const pointer = (...segments: string[]) =>
  `${DOCUMENT_ID}#/${segments.map((segment) => encodeURIComponent(segment.replace(/~/g, "~0").replace(/\//g, "~1"))).join("/")}`;

interface Answer {
  method: string;
  url: string;
  status: number;
  headers: Headers;
  text: string;
}

/** Where in the document this answer is described, or why it is not checked (`skip`), or a failure. */
function locate({ method, url, status }: Answer): { schemaAt?: string; skip?: string; failure?: string } {
  const { pathname } = new URL(url);
  const documented = documentedRoute(pathname);
  if (!documented) {
    const excluded = EXCLUDED.find((exclusion) => exclusion.test(pathname));
    if (excluded) return { skip: excluded.why };
    const name = UNKNOWN_PATH[status];
    return name ? { schemaAt: pointer("components", "responses", name) } : { failure: "no operation has this path, and the status is not a generic answer" };
  }
  const upper = method.toUpperCase();
  if (!(documented.methods as readonly string[]).includes(upper)) {
    if (allowedMethods(documented).includes(upper)) return { skip: `${upper} is answered by Next.js for the path's other methods` };
    // A path in a seed's dialect documents its own 405 on its operation; the others share the generic one.
    const ownAnswer = documented.methods.find((other) => String(status) in (document.paths![documented.template]![other.toLowerCase() as "get"]!.responses ?? {}));
    if (status === 405 && ownAnswer) return { schemaAt: pointer("paths", documented.template, ownAnswer.toLowerCase(), "responses", "405") };
    const name = UNKNOWN_METHOD[status];
    return name ? { schemaAt: pointer("components", "responses", name) } : { failure: `the path has no ${upper} operation, and the status is not a generic answer` };
  }
  const responses = document.paths![documented.template]![upper.toLowerCase() as "get"]!.responses!;
  const key = String(status) in responses ? String(status) : "default" in responses ? "default" : undefined;
  if (!key) return { failure: `status ${status} is not documented for ${upper} ${documented.template} (documented: ${Object.keys(responses).join(", ")})` };
  return { schemaAt: pointer("paths", documented.template, upper.toLowerCase(), "responses", key) };
}

function describedResponse(at: string): { content?: Record<string, { schema?: unknown }> } {
  const [, fragment] = at.split("#");
  let node: unknown = document;
  for (const segment of fragment!.split("/").slice(1)) {
    node = (node as Record<string, unknown>)[decodeURIComponent(segment).replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return node as { content?: Record<string, { schema?: unknown }> };
}

/** Throws, naming method, path, status and what is wrong, when the answer breaks the document. */
export function assertDocumented(answer: Answer): void {
  const { pathname } = new URL(answer.url);
  const where = `${answer.method} ${pathname} → ${answer.status}`;
  const located = locate(answer);
  if (located.skip) return;
  if (located.failure) throw new Error(`OpenAPI: ${where}: ${located.failure}. Body: ${answer.text.slice(0, 300)}`);
  const response = describedResponse(located.schemaAt!);
  if (!response.content?.["application/json"]) return;
  if (answer.method.toUpperCase() === "HEAD") return;
  const contentType = answer.headers.get("content-type") ?? "";
  if (!contentType.startsWith("application/json")) throw new Error(`OpenAPI: ${where}: expected application/json, got "${contentType}". Body: ${answer.text.slice(0, 300)}`);
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    throw new Error(`OpenAPI: ${where}: the body is not JSON: ${answer.text.slice(0, 300)}`);
  }
  const validate = ajv.getSchema(`${located.schemaAt}/content/application~1json/schema`);
  if (!validate) throw new Error(`OpenAPI: ${where}: no schema at ${located.schemaAt}`);
  if (!validate(body)) {
    throw new Error(`OpenAPI: ${where}: the body does not match ${located.schemaAt}:\n${ajv.errorsText(validate.errors, { separator: "\n" })}\nBody: ${answer.text.slice(0, 500)}`);
  }
}
