import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/sign-up-form";
import { safeReturnPath } from "@/lib/return-path";
import { currentBrowserSession } from "@/lib/server/auth/require-session";
import { config } from "@/lib/server/config";

export const metadata: Metadata = { title: "Create an account" };

interface Props {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}

export default async function SignUpPage({ searchParams }: Props) {
  const returnTo = safeReturnPath((await searchParams).callbackUrl, config().appUrl);
  if (await currentBrowserSession()) redirect(returnTo);
  return (
    <section className="card narrow" aria-labelledby="sign-up-title">
      <h1 id="sign-up-title">Create an account</h1>
      <SignUpForm returnTo={returnTo} />
      <p className="muted">
        Already have an account? <a href={`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`}>Sign in</a>
      </p>
    </section>
  );
}
