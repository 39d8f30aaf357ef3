import type { Metadata } from "next";
import { LinkAction } from "@/components/email/link-action";

export const metadata: Metadata = { title: "Verify your email address" };

interface Props {
  searchParams: Promise<{ token?: string }>;
}

/** Where the mailed link lands; no session needed. */
export default async function Page({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <section className="card narrow" aria-labelledby="link-title">
      <h1 id="link-title">Verify your email address</h1>
      <LinkAction token={token} endpoint="/api/v1/user/verify-email" action="Verify my email" done="{email} is verified." />
    </section>
  );
}
