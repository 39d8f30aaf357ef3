import type { Metadata } from "next";
import { LinkLanding, type LinkLandingProps } from "@/components/email/link-landing";

const title = "Confirm your new email address";
export const metadata: Metadata = { title };

export default function Page({ searchParams }: LinkLandingProps) {
  return (
    <LinkLanding
      searchParams={searchParams}
      title={title}
      endpoint="/api/v1/user/email/confirm"
      action="Confirm the new address"
      done="Your account's email address is now {email}."
    />
  );
}
