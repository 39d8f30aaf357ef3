/** next-auth hands the page an error string; these are the words a person should see for each. */
const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Invalid email or password",
  TOO_MANY_REQUESTS: "Too many attempts. Wait a few minutes, then try again.",
  SERVICE_UNAVAILABLE: "The service is temporarily unavailable. Try again in a moment.",
  SessionRequired: "Please sign in to continue.",
};

export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  return MESSAGES[code] ?? "Something went wrong while signing in. Try again.";
}
