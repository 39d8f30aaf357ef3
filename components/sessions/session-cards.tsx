import { describeDevice } from "@/lib/describe-device";
import { RevokeSessionButton } from "../session-actions";
import { IpAddress, kindOf, revokeDescription, SessionTime, type SessionView } from "./session-view";

/** The narrow-screen form of the sessions table: one card per session, its columns as a description list. */
export function SessionCards({ sessions }: { sessions: SessionView[] }) {
  return (
    <ul className="session-cards" aria-label="Your sessions" data-testid="session-cards">
      {sessions.map((session) => (
        <li key={session.id} className="session-card">
          <h3 title={session.userAgent ?? undefined}>
            {describeDevice(session.userAgent)}
            {session.current && <strong className="badge">This session</strong>}
          </h3>
          <dl className="session-facts">
            <dt>Kind</dt>
            <dd>{kindOf(session)}</dd>
            <dt>IP address</dt>
            <dd><IpAddress value={session.ip} /></dd>
            <dt>Created</dt>
            <dd>
              <SessionTime value={session.createdAt} />
            </dd>
            <dt>Last seen</dt>
            <dd>
              <SessionTime value={session.lastSeenAt} />
            </dd>
          </dl>
          {!session.current && <RevokeSessionButton sessionId={session.id} description={revokeDescription(session)} />}
        </li>
      ))}
    </ul>
  );
}
