// The browser's side of next-auth's credentials sign-in and sign-out: the requests next-auth/react's
// signIn("credentials", { redirect: false }) and signOut() send, without that module (CommonJS, so
// its session provider and regenerator runtime came along, ~6 kB gzipped on every form page).
// No page uses a SessionProvider, so there is no session cache or other tab to notify.

const AUTH_PATH = "/api/auth";
const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

/** next-auth's double-submit CSRF token (it also sets the cookie it is checked against). */
async function csrfToken(): Promise<string> {
  try {
    const response = await fetch(`${AUTH_PATH}/csrf`);
    if (!response.ok) return "";
    return ((await response.json()) as { csrfToken?: string }).csrfToken ?? "";
  } catch {
    // As next-auth's client does: the post goes without one, and next-auth refuses it.
    return "";
  }
}

export interface SignInResult {
  ok: boolean;
  /** next-auth's error code (CredentialsSignin, or our TOO_MANY_REQUESTS, …); null on success. */
  error: string | null;
}

/**
 * Posts one step of a sign-in to next-auth's provider; sets the session cookie on success. Never
 * throws: a network failure or an answer without next-auth's `url` is error "Unknown", which the
 * form words for a person.
 */
async function signInStep(provider: "credentials" | "two-step", fields: Record<string, string>): Promise<SignInResult> {
  try {
    const response = await fetch(`${AUTH_PATH}/callback/${provider}`, {
      method: "POST",
      headers: FORM,
      body: new URLSearchParams({ ...fields, csrfToken: await csrfToken(), callbackUrl: window.location.href, json: "true" }),
    });
    const { url } = (await response.json()) as { url?: string };
    // Success and failure alike answer with a URL; a failure's carries ?error=CODE.
    const error = url ? new URL(url, window.location.origin).searchParams.get("error") : "Unknown";
    return { ok: response.ok && !error, error };
  } catch {
    return { ok: false, error: "Unknown" };
  }
}

/** The password step. Error SECOND_FACTOR_REQUIRED: the password was right, and /sign-in/two-step comes next. */
export function signInWithCredentials(credentials: { email: string; password: string }): Promise<SignInResult> {
  return signInStep("credentials", credentials);
}

/** The second step: an app code or a recovery code, for the challenge the password step left in its cookie. */
export function signInWithSecondFactor(code: string): Promise<SignInResult> {
  return signInStep("two-step", { code });
}

/** Ends the browser session, then goes to where next-auth sends it (`callbackUrl`, checked by its redirect callback). */
export async function signOut(callbackUrl: string): Promise<void> {
  const response = await fetch(`${AUTH_PATH}/signout`, {
    method: "POST",
    headers: FORM,
    body: new URLSearchParams({ csrfToken: await csrfToken(), callbackUrl, json: "true" }),
  });
  const { url } = (await response.json().catch(() => ({}))) as { url?: string };
  const destination = url ?? callbackUrl;
  window.location.href = destination;
  // Only the fragment differs: assigning it does not reload, and the page must.
  if (destination.includes("#")) window.location.reload();
}
