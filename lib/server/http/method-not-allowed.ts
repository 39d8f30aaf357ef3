import "server-only";
import { openApiDocument } from "@/lib/openapi/document";
import { allowedMethods, documentedPath, knownPath } from "@/lib/openapi/routes";
import { AppError } from "../errors";
import { guarded } from "./guarded";
import { dialectForPath } from "./dialects/by-path";
import { errorResponse } from "./respond";

/**
 * The proxy's answer to a method a documented path does not have: 405 METHOD_NOT_ALLOWED in the
 * path's dialect (v1's JSON, or a seed's shape) with `Allow`, after the traffic guard (Next.js alone would send an empty 405).
 * Undefined when the path is neither in the OpenAPI document nor next-auth's, or has the method.
 */
export function refuseUnknownMethod(request: Request): Promise<Response> | undefined {
  const path = knownPath(openApiDocument(), new URL(request.url).pathname);
  if (!path) return undefined;
  const allow = allowedMethods(path);
  if (allow.includes(request.method)) return undefined;
  return guarded(request, (requestId) => {
    const response = errorResponse(new AppError("METHOD_NOT_ALLOWED"), requestId, undefined, {}, dialectForPath(path.template));
    response.headers.set("allow", allow.join(", "));
    return response;
  });
}

/** Paths the document describes: API answers, not pages (no page CSP, their own traffic guard). */
export function isDocumentedPath(pathname: string): boolean {
  return documentedPath(openApiDocument(), pathname) !== undefined;
}
