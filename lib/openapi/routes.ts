// Which documented path a request is for, and the methods that path has: the proxy's 405 and the
// contract suites' response validation both ask this of the OpenAPI document.
import type { OpenApiDocument } from "./document";

export const HTTP_METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

export interface DocumentedPath {
  template: string;
  /** The methods with an operation, upper case. */
  methods: string[];
}

interface Matcher extends DocumentedPath {
  pattern: RegExp;
}

const escape = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, "\\$&");

function matchers(document: OpenApiDocument): Matcher[] {
  return (
    Object.entries(document.paths ?? {})
      .map(([template, item]) => ({
        template,
        methods: HTTP_METHODS.filter((method) => method.toLowerCase() in item),
        pattern: new RegExp(`^${template.split(/\{[^}]+\}/).map(escape).join("[^/]+")}$`),
      }))
      // A literal segment wins over a parameter, as in Next's router (sessions/revoke-others before sessions/{id}).
      .sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0))
  );
}

const cache = new WeakMap<OpenApiDocument, Matcher[]>();

export function documentedPath(document: OpenApiDocument, pathname: string): DocumentedPath | undefined {
  let list = cache.get(document);
  if (!list) cache.set(document, (list = matchers(document)));
  const found = list.find((matcher) => matcher.pattern.test(pathname));
  return found && { template: found.template, methods: found.methods };
}

/**
 * next-auth's endpoints: not in the document (not an API for other clients), but under /api, so a
 * method they lack gets the same JSON 405. The drift test checks these against its route file.
 */
export const NEXT_AUTH_ROUTE: DocumentedPath = { template: "/api/auth/{nextauth}", methods: ["GET", "POST"] };

/** The documented path, or next-auth's, that a request is for. */
export function knownPath(document: OpenApiDocument, pathname: string): DocumentedPath | undefined {
  return documentedPath(document, pathname) ?? (pathname.startsWith("/api/auth/") ? NEXT_AUTH_ROUTE : undefined);
}

/** What a path answers to: its operations, HEAD where it has GET, and OPTIONS (both answered by Next). */
export function allowedMethods(path: DocumentedPath): string[] {
  return [...new Set([...path.methods, ...(path.methods.includes("GET") ? ["HEAD"] : []), "OPTIONS"])];
}
