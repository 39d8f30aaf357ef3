/**
 * Where to send someone after signing in: only a path on this site. Anything else ("//evil.example",
 * "https://…", "/\\evil") falls back, so the sign-in page cannot be used as an open redirect.
 */
export function safeReturnPath(candidate: string | null | undefined, fallback = "/account"): string {
  if (!candidate || !candidate.startsWith("/") || candidate.startsWith("//") || candidate.includes("\\")) {
    return fallback;
  }
  return candidate;
}
