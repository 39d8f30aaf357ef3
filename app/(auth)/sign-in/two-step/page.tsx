import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { TwoStepForm } from "@/components/two-step-form";
import { safeReturnPath } from "@/lib/return-path";
import { currentBrowserSession } from "@/lib/server/auth/require-session";
import { config } from "@/lib/server/config";

export const metadata: Metadata = { title: "Two-step verification" };

interface Props {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}

export default async function TwoStepPage({ searchParams }: Props) {
  const returnTo = safeReturnPath((await searchParams).callbackUrl, config().appUrl);
  if (await currentBrowserSession()) redirect(returnTo);
  return (
    <section className="card narrow" aria-labelledby="two-step-title">
      <h1 id="two-step-title">Two-step verification</h1>
      <p className="muted">Your password was right. Enter the code your authenticator app shows now, or one of your recovery codes.</p>
      <TwoStepForm returnTo={returnTo} />
    </section>
  );
}
