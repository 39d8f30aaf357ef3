import type { Metadata } from "next";
import { ForgotPasswordFlow } from "@/components/forgot-password/flow";

export const metadata: Metadata = { title: "Reset your password" };

interface Props {
  searchParams: Promise<{ token?: string }>;
}

/** Email → emailed code (or the link, which skips typing it) → new password → /sign-in. */
export default async function ForgotPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <section className="card narrow" aria-labelledby="forgot-title">
      <h1 id="forgot-title">Reset your password</h1>
      <ForgotPasswordFlow linkToken={token} />
      <p className="muted">
        Remembered it? <a href="/sign-in">Sign in</a>
      </p>
    </section>
  );
}
