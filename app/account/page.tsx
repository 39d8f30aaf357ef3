import type { Metadata } from "next";
import { ApiKeysSection } from "@/components/api-keys/api-keys-section";
import { ChangePasswordForm } from "@/components/change-password-form";
import { DeleteAccountForm } from "@/components/delete-account-form";
import { LocalTime } from "@/components/local-time";
import { ChangeEmailForm } from "@/components/email/change-email-form";
import { VerifyEmailBanner } from "@/components/email/verify-email-banner";
import { SecurityActivity } from "@/components/security-activity";
import { SessionsList } from "@/components/sessions-list";
import { SignOutButton } from "@/components/sign-out-button";
import { requireBrowserSession } from "@/lib/server/auth/require-session";
import { config } from "@/lib/server/config";
import { listApiKeys } from "@/lib/server/features/api-keys/api-keys";
import { listSessions, recentSecurityEvents } from "@/lib/server/features/sessions/manage-sessions";

export const metadata: Metadata = { title: "Account settings" };

export default async function AccountPage() {
  const session = await requireBrowserSession("/account");
  const { user } = session;
  const caller = { userId: user.id, sessionId: session.id };
  // REQUIRE_VERIFIED_EMAIL: until the address is verified, the page offers what the API allows.
  const limited = config().requireVerifiedEmail && !user.emailVerifiedAt;
  const [sessions, apiKeys, events] = limited ? [[], [], []] : await Promise.all([listSessions(caller), listApiKeys(caller), recentSecurityEvents(caller)]);
  return (
    <>
      {!user.emailVerifiedAt && <VerifyEmailBanner email={user.email} />}
      <section className="card" aria-labelledby="account-title">
        <h1 id="account-title">Account settings</h1>
        <dl className="details">
          <dt>Name</dt>
          <dd>{user.name ?? "—"}</dd>
          <dt>Email</dt>
          <dd data-testid="account-email">{user.email}</dd>
          <dt>Email verified</dt>
          <dd data-testid="email-verified">{user.emailVerifiedAt ? "Yes" : "Not yet"}</dd>
          <dt>Member since</dt>
          <dd data-testid="member-since">
            <LocalTime value={user.createdAt} dateStyle="long" />
          </dd>
          <dt>Password last changed</dt>
          <dd data-testid="password-changed-at">{user.passwordChangedAt ? <LocalTime value={user.passwordChangedAt} dateStyle="long" /> : "Never"}</dd>
        </dl>
        <SignOutButton />
      </section>
      {!limited && (
        <section className="card">
          <ChangePasswordForm email={user.email} name={user.name} />
        </section>
      )}
      <section className="card">
        <ChangeEmailForm />
      </section>
      {!limited && (
        <>
          <SessionsList sessions={sessions} />
          <ApiKeysSection apiKeys={apiKeys} />
          <SecurityActivity events={events} />
        </>
      )}
      <section className="card">
        <DeleteAccountForm email={user.email} />
      </section>
    </>
  );
}
