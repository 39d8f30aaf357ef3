import type { Metadata } from "next";
import { LinkAction } from "@/components/email/link-action";

export const metadata: Metadata = { title: "This wasn't me" };

interface Props {
  searchParams: Promise<{ token?: string }>;
}

/** Where the mailed link lands; no session needed. */
export default async function Page({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <section className="card narrow" aria-labelledby="link-title">
      <h1 id="link-title">{"This wasn't me"}</h1>
      <LinkAction token={token} endpoint="/api/v1/user/email/revert" action="Stop the change and sign out everywhere" done="The change was stopped: your account's address is {email}, every session was signed out, and a password reset code was sent to {email}." />
    </section>
  );
}
