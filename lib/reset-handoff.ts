// The address a reset just finished for, handed from the forgot-password page to the sign-in form
// it leads to, so the person signs in without typing it again. Kept in this tab's sessionStorage,
// not the URL: an address in a query string would end up in history, logs and Referer headers.
const KEY = "portal:reset-email";

export function rememberResetEmail(email: string): void {
  try {
    sessionStorage.setItem(KEY, email);
  } catch {
    // Storage refused (a private window's quota, a policy): the person types the address.
  }
}

/** The address, once: it is removed as it is read. */
export function takeResetEmail(): string | null {
  try {
    const email = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    return email;
  } catch {
    return null;
  }
}
