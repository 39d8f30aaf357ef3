// The API's paths and the methods each has, from the endpoints' declarations: server.ts reads
// it on every request (to send a method a path lacks to the proxy's JSON 405) and must not build
// the OpenAPI document for that. lib/openapi/drift.test.ts keeps the declarations equal to the
// route files.
import { ENDPOINTS } from "./endpoints";
import type { HttpMethod } from "./endpoints/endpoint";

export { HTTP_METHODS, type HttpMethod } from "./endpoints/endpoint";

/** Every declared path (OpenAPI templates), with the methods it has an operation for. */
export const DOCUMENTED_ROUTES: Readonly<Record<string, readonly HttpMethod[]>> = ENDPOINTS.reduce<Record<string, HttpMethod[]>>((routes, endpoint) => {
  (routes[endpoint.path] ??= []).push(endpoint.method);
  return routes;
}, {});

export interface ServedRoute {
  template: string;
  /** The methods with an operation, upper case. */
  methods: readonly HttpMethod[];
}

/**
 * next-auth's endpoints: not in the document (not an API for other clients), but under /api, so a
 * method they lack gets the same JSON 405. The drift test checks these against its route file.
 */
export const NEXT_AUTH_ROUTE: ServedRoute = { template: "/api/auth/{nextauth}", methods: ["GET", "POST"] };

const escape = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, "\\$&");

const MATCHERS = Object.entries(DOCUMENTED_ROUTES)
  .map(([template, methods]) => ({
    template,
    methods,
    pattern: new RegExp(`^${template.split(/\{[^}]+\}/).map(escape).join("[^/]+")}$`),
  }))
  // A literal segment wins over a parameter, as in Next's router (sessions/revoke-others before sessions/{id}).
  .sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));

/** The documented path a request is for. */
export function documentedRoute(pathname: string): ServedRoute | undefined {
  const found = MATCHERS.find((matcher) => matcher.pattern.test(pathname));
  return found && { template: found.template, methods: found.methods };
}

/** The documented path, or next-auth's, that a request is for. */
export function servedRoute(pathname: string): ServedRoute | undefined {
  return documentedRoute(pathname) ?? (pathname.startsWith("/api/auth/") ? NEXT_AUTH_ROUTE : undefined);
}

/** What a path answers to: its operations, HEAD where it has GET, and OPTIONS (both answered by Next). */
export function allowedMethods(route: ServedRoute): string[] {
  return [...new Set([...route.methods, ...(route.methods.includes("GET") ? ["HEAD"] : []), "OPTIONS"])];
}

/** The `Allow` list when `pathname` is served but has no `method`; undefined otherwise. */
export function disallowedMethod(pathname: string, method: string | undefined): string[] | undefined {
  const route = servedRoute(pathname);
  if (!route) return undefined;
  const allow = allowedMethods(route);
  return allow.includes(method ?? "") ? undefined : allow;
}

/** The API's paths: /api and below, and the documented seed paths outside it (/auth/v1/…, /v1/…). */
export function isApiPath(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/") || documentedRoute(pathname) !== undefined;
}

/** The methods Next's route handlers take; any other (TRACE, PROPFIND, …) makes Next answer 400 or 500. */
const ROUTE_HANDLER_METHODS = new Set(["GET", "HEAD", "OPTIONS", "POST", "PUT", "DELETE", "PATCH"]);

/**
 * An API request the proxy answers rather than a route: a method its path lacks (405), or a
 * method no route handler can take on any other API path (404). Everything else on the API goes
 * straight to its route, which meets the traffic guard there.
 */
export function isRefusedMethod(pathname: string, method: string | undefined): boolean {
  // One scan of the table per request (server.ts asks this of every request, pages included).
  const route = servedRoute(pathname);
  if (route) return !allowedMethods(route).includes(method ?? "");
  return (pathname === "/api" || pathname.startsWith("/api/")) && !ROUTE_HANDLER_METHODS.has(method ?? "");
}

/** Methods fetch's Request refuses to carry: Next.js would fail on them with a 500 before the proxy. */
export const FETCH_FORBIDDEN_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);

/**
 * Set by server.ts, to the request's method, on a request `isRefusedMethod` names or whose method
 * is in FETCH_FORBIDDEN_METHODS (then the request goes on as a GET: the proxy reads the real
 * method here). The proxy's matcher runs the proxy for such requests and for pages only, so the
 * API's ordinary calls skip it (it costs a cheap answer about as much again). server.ts deletes
 * any copy a client sends.
 */
export const REFUSED_METHOD_HEADER = "x-portal-refused-method";
