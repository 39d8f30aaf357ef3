/** next-auth hands the page an error string; these are the words a person should see for each. */
const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Invalid email or password",
  TOO_MANY_REQUESTS: "Too many attempts. Wait a few minutes, then try again.",
  // The database is unreachable, or too many passwords are being checked at once (BCRYPT_MAX_QUEUE).
  SERVICE_UNAVAILABLE: "The portal is busy or briefly unavailable. Try again shortly.",
  SessionRequired: "Please sign in to continue.",
  ACCESS_DENIED: "Access from your network is blocked. If you think this is a mistake, contact support.",
  // The second step (/sign-in/two-step).
  INVALID_OTP: "That code is not right. Enter the newest code from your app, or a recovery code you have not used.",
  INVALID_REQUEST: "This sign-in took too long or was stopped. Enter your email and password again.",
};

export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  return MESSAGES[code] ?? "Something went wrong while signing in. Try again.";
}
