import { describeDevice } from "./describe-device";
import { RevokeSessionButton, SignOutEverywhereElseButton } from "./session-actions";

export interface SessionView {
  id: string;
  kind: "browser" | "api";
  current: boolean;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string | null;
  userAgent: string | null;
}

const format = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function SessionsList({ sessions }: { sessions: SessionView[] }) {
  const others = sessions.filter((session) => !session.current);
  return (
    <section className="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Sessions and API tokens</h2>
      <table className="table" data-testid="sessions">
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">Device</th>
            <th scope="col">IP address</th>
            <th scope="col">Created (UTC)</th>
            <th scope="col">Last seen (UTC)</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => {
            const device = describeDevice(session.userAgent);
            return (
              <tr key={session.id}>
                <td>{session.kind === "api" ? "API token" : "Browser"}</td>
                <td title={session.userAgent ?? undefined}>{device}</td>
                <td>{session.ip ?? "—"}</td>
                <td>{format.format(session.createdAt)}</td>
                <td>{format.format(session.lastSeenAt)}</td>
                <td>
                  {session.current ? (
                    <strong>This session</strong>
                  ) : (
                    <RevokeSessionButton sessionId={session.id} description={`${device}, created ${format.format(session.createdAt)}`} />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {others.length > 0 && <SignOutEverywhereElseButton />}
    </section>
  );
}
