import { describeDevice } from "@/lib/describe-device";
import type { SecurityEventType } from "@/lib/security-event-types";
import { LocalTime } from "./local-time";

export interface SecurityEventView {
  id: string;
  type: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
  /** The third-party application the event came through, if any. */
  application: string | null;
}

// Every type has a label: a new one that lacks it fails the type check.
const LABELS: Record<SecurityEventType, string> = {
  account_created: "Account created",
  signed_in: "Signed in",
  sign_in_failed: "Failed sign-in attempt",
  signed_out: "Signed out",
  session_revoked: "Session revoked",
  password_changed: "Password changed",
  password_change_failed: "Password change refused (wrong current password)",
  password_reset: "Password reset by email",
  api_key_created: "API key created",
  api_key_revoked: "API key revoked",
  email_verified: "Email verified",
  email_change_requested: "Email change requested",
  email_change_failed: "Email change refused (wrong password)",
  email_changed: "Email changed",
  email_change_cancelled: "Email change cancelled",
  email_change_reverted: "Email change undone",
  account_deletion_failed: "Account deletion refused (wrong password)",
  two_factor_enabled: "Two-step verification turned on",
  two_factor_disabled: "Two-step verification turned off",
  recovery_codes_generated: "New recovery codes made",
  two_factor_change_failed: "Two-step verification change refused (wrong password or code)",
  second_factor_failed: "Sign-in stopped at the second step (wrong code)",
};

function labelOf(event: SecurityEventView): string {
  const label = LABELS[event.type as SecurityEventType] ?? event.type;
  return event.application ? `${label} through ${event.application}` : label;
}

export function SecurityActivity({ events }: { events: SecurityEventView[] }) {
  return (
    <section className="card" aria-labelledby="activity-title">
      <h2 id="activity-title">Recent security activity</h2>
      {events.length === 0 ? (
        <p className="muted">Nothing yet.</p>
      ) : (
        <ul className="activity" data-testid="security-events">
          {events.map((event) => (
            <li key={event.id}>
              <strong>{labelOf(event)}</strong>
              <span className="muted">
                {" "}
                · <LocalTime value={event.createdAt} timeStyle="short" /> · {event.ip ?? "unknown IP"} · {describeDevice(event.userAgent)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
