import { describeDevice } from "@/lib/describe-device";
import { RevokeSessionButton } from "../session-actions";
import { IpAddress, kindOf, revokeDescription, SessionTime, type SessionView } from "./session-view";

export function SessionTable({ sessions }: { sessions: SessionView[] }) {
  return (
    <table className="table session-table" data-testid="sessions">
      <thead>
        <tr>
          <th scope="col">Kind</th>
          <th scope="col">Device</th>
          <th scope="col">IP address</th>
          <th scope="col">Created</th>
          <th scope="col">Last seen</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((session) => (
          <tr key={session.id}>
            <td>{kindOf(session)}</td>
            <td title={session.userAgent ?? undefined}>{describeDevice(session.userAgent)}</td>
            <td><IpAddress value={session.ip} /></td>
            <td>
              <SessionTime value={session.createdAt} />
            </td>
            <td>
              <SessionTime value={session.lastSeenAt} />
            </td>
            <td>
              {session.current ? <strong>This session</strong> : <RevokeSessionButton sessionId={session.id} description={revokeDescription(session)} />}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
