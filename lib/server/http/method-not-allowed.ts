import "server-only";
import type { NextRequest } from "next/server";
import { disallowedMethod, documentedRoute, isRefusedMethod } from "@/lib/served-routes";
import { AppError } from "../errors";
import { guarded } from "./envelope";
import { dialectForPath } from "./dialects/by-path";
import { errorResponse } from "./respond";

/**
 * The proxy's answer to a method a served path does not have: 405 METHOD_NOT_ALLOWED in the
 * path's dialect (v1's JSON, or a seed's shape) with `Allow`, after the traffic guard (Next.js
 * alone would send an empty 405, or a 500 for TRACE). A method no route takes on any other API
 * path: the catch-all's 404 NOT_FOUND. Undefined when the route answers the request itself.
 */
export function refuseUnknownMethod(request: NextRequest, method = request.method): Promise<Response> | undefined {
  const { pathname } = new URL(request.url);
  const allow = disallowedMethod(pathname, method);
  if (!allow) {
    return isRefusedMethod(pathname, method) ? guarded(request, (requestId) => errorResponse(new AppError("NOT_FOUND"), requestId), method) : undefined;
  }
  return guarded(request, (requestId) => {
    const dialect = dialectForPath(documentedRoute(pathname)?.template ?? pathname);
    const response = errorResponse(new AppError("METHOD_NOT_ALLOWED"), requestId, undefined, {}, dialect);
    response.headers.set("allow", allow.join(", "));
    return response;
  }, method);
}
