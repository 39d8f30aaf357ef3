// Imported by client components too: no server config here, the caller passes its own origin
// (`config().appUrl` on the server, `window.location.origin` in the browser).

/**
 * What the WHATWG URL parser (and so every browser) drops or rewrites before it finds the host:
 * tabs and newlines anywhere, a backslash read as "/", control characters and spaces at either end. With
 * them "/\t/evil.example", "/\evil.example" and " //evil.example" all become "//evil.example",
 * another site. Refused outright rather than normalised.
 */
const REWRITTEN_BY_URL_PARSER = /[\u0000-\u001f\u007f\\]|^ | $/;

/**
 * Where to send someone after signing in: the path, query and fragment of `candidate` when it is
 * on `origin`, else `fallback`, so the sign-in pages and next-auth cannot be used as an open redirect.
 */
export function safeReturnPath(candidate: unknown, origin: string, fallback = "/account"): string {
  // A repeated query parameter arrives as an array: not one path, so not ours to guess.
  if (typeof candidate !== "string" || !candidate || REWRITTEN_BY_URL_PARSER.test(candidate)) return fallback;
  let url: URL;
  try {
    url = new URL(candidate, origin);
  } catch {
    return fallback;
  }
  // "/a/..//evil.example" resolves to the path "//evil.example", which a Location reads as a host.
  if (url.origin !== new URL(origin).origin || url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
