import { SessionCards } from "./sessions/session-cards";
import { SessionTable } from "./sessions/session-table";
import { SignOutEverywhereElseButton } from "./session-actions";
import type { SessionView } from "./sessions/session-view";

export type { SessionView } from "./sessions/session-view";

/**
 * The same sessions twice: a table where there is room for its six columns, cards on a phone.
 * CSS shows one and hides the other (display: none), so only one is ever read out or tabbed through.
 */
export function SessionsList({ sessions }: { sessions: SessionView[] }) {
  const others = sessions.filter((session) => !session.current);
  return (
    <section className="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Sessions and API tokens</h2>
      <SessionTable sessions={sessions} />
      <SessionCards sessions={sessions} />
      {others.length > 0 && <SignOutEverywhereElseButton />}
    </section>
  );
}
