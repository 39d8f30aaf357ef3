import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/sign-in-form";
import { safeReturnPath } from "@/lib/return-path";
import { currentBrowserSession } from "@/lib/server/auth/require-session";

export const metadata: Metadata = { title: "Sign in" };

interface Props {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error } = await searchParams;
  const returnTo = safeReturnPath(callbackUrl);
  if (await currentBrowserSession()) redirect(returnTo);
  return (
    <section className="card narrow" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in</h1>
      <SignInForm returnTo={returnTo} initialError={error} />
      <p className="muted">
        New here? <a href={`/sign-up?callbackUrl=${encodeURIComponent(returnTo)}`}>Create an account</a>
      </p>
    </section>
  );
}
