import type { Metadata } from "next";
import { LinkLanding, type LinkLandingProps } from "@/components/email/link-landing";

const title = "Verify your email address";
export const metadata: Metadata = { title };

export default function Page({ searchParams }: LinkLandingProps) {
  return (
    <LinkLanding searchParams={searchParams} title={title} endpoint="/api/v1/user/verify-email" action="Verify my email" done="{email} is verified." />
  );
}
