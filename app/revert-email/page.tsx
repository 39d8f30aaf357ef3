import type { Metadata } from "next";
import { LinkLanding, type LinkLandingProps } from "@/components/email/link-landing";

const title = "This wasn't me";
export const metadata: Metadata = { title };

export default function Page({ searchParams }: LinkLandingProps) {
  return (
    <LinkLanding
      searchParams={searchParams}
      title={title}
      endpoint="/api/v1/user/email/revert"
      action="Stop the change and sign out everywhere"
      done="The change was stopped: your account's address is {email} and every session was signed out. Whoever asked for the change knew your password, so it no longer works: set a new password to sign in again, with the reset code sent to {email}."
    />
  );
}
