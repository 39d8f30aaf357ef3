import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { FormAlert } from "@/components/form-alert";
import { SignInForm } from "@/components/sign-in-form";
import { safeReturnPath } from "@/lib/return-path";
import { currentBrowserSession } from "@/lib/server/auth/require-session";
import { config } from "@/lib/server/config";

export const metadata: Metadata = { title: "Sign in" };

interface Props {
  searchParams: Promise<{ callbackUrl?: string | string[]; error?: string; reset?: string; deleted?: string }>;
}

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error, reset, deleted } = await searchParams;
  const returnTo = safeReturnPath(callbackUrl, config().appUrl);
  if (await currentBrowserSession()) redirect(returnTo);
  return (
    <section className="card narrow" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in</h1>
      {reset === "1" && <FormAlert tone="success" message="Your password was reset. Sign in with your new password." />}
      {deleted === "1" && (
        <FormAlert
          tone="success"
          message="Your account was deleted, with its sessions, API keys and activity: nothing of it is kept. The address is free to register again."
        />
      )}
      <SignInForm returnTo={returnTo} initialError={error} afterReset={reset === "1"} />
      <p>
        <a href="/forgot-password">Forgot password?</a>
      </p>
      <p className="muted">
        New here? <a href={`/sign-up?callbackUrl=${encodeURIComponent(returnTo)}`}>Create an account</a>
      </p>
      <footer className="muted">
        Building a client? <a href="/docs/api">API reference</a>
      </footer>
    </section>
  );
}
