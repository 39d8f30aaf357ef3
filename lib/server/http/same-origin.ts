import "server-only";
import { config } from "../config";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookies are ambient: a page on another site can make the browser send them. A request that
 * acts on a cookie (userToken or the browser session) must therefore come from this site:
 * Sec-Fetch-Site, where the browser sends it, must say same-origin (or "none": typed by the
 * person), and Origin, where present, must be this site. Clients that send neither header are
 * not browsers, and a Bearer token is never ambient, so both pass.
 */
export function isCrossSiteRequest(request: Request): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true; // "null" (sandboxed frames, some redirects) or garbage
  }
  const ownHosts = [new URL(config().appUrl).host, request.headers.get("host")];
  return !ownHosts.includes(originHost);
}

/** A cookie-authenticated change of state from another site (403 ACCESS_DENIED). */
export function isCrossSiteMutation(request: Request): boolean {
  return !SAFE_METHODS.has(request.method) && isCrossSiteRequest(request);
}
