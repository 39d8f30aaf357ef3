import type { Metadata } from "next";
import { SignOutButton } from "@/components/sign-out-button";
import { requireBrowserSession } from "@/lib/server/auth/require-session";

export const metadata: Metadata = { title: "Account settings" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" });

export default async function AccountPage() {
  const { user } = await requireBrowserSession("/account");
  return (
    <section className="card" aria-labelledby="account-title">
      <h1 id="account-title">Account settings</h1>
      <dl className="details">
        <dt>Name</dt>
        <dd>{user.name ?? "—"}</dd>
        <dt>Email</dt>
        <dd data-testid="account-email">{user.email}</dd>
        <dt>Member since</dt>
        <dd>{dateFormat.format(user.createdAt)}</dd>
        <dt>Password last changed</dt>
        <dd>{user.passwordChangedAt ? dateFormat.format(user.passwordChangedAt) : "Never"}</dd>
      </dl>
      <SignOutButton />
    </section>
  );
}
