import type { Metadata } from "next";
import { ApiKeysSection } from "@/components/api-keys/api-keys-section";
import { ChangePasswordForm } from "@/components/change-password-form";
import { SecurityActivity } from "@/components/security-activity";
import { SessionsList } from "@/components/sessions-list";
import { SignOutButton } from "@/components/sign-out-button";
import { requireBrowserSession } from "@/lib/server/auth/require-session";
import { listApiKeys } from "@/lib/server/services/api-keys";
import { listSessions, recentSecurityEvents } from "@/lib/server/services/manage-sessions";

export const metadata: Metadata = { title: "Account settings" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" });

export default async function AccountPage() {
  const session = await requireBrowserSession("/account");
  const { user } = session;
  const caller = { userId: user.id, sessionId: session.id };
  const [sessions, apiKeys, events] = await Promise.all([listSessions(caller), listApiKeys(caller), recentSecurityEvents(caller)]);
  return (
    <>
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
          <dd data-testid="password-changed-at">{user.passwordChangedAt ? dateFormat.format(user.passwordChangedAt) : "Never"}</dd>
        </dl>
        <SignOutButton />
      </section>
      <section className="card">
        <ChangePasswordForm email={user.email} name={user.name} />
      </section>
      <SessionsList sessions={sessions} />
      <ApiKeysSection apiKeys={apiKeys} />
      <SecurityActivity events={events} />
    </>
  );
}
