import { describeDevice } from "@/lib/describe-device";
import { LocalTime } from "../local-time";

export interface SessionView {
  id: string;
  kind: "browser" | "api";
  current: boolean;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export function kindOf(session: SessionView): string {
  return session.kind === "api" ? "API token" : "Browser";
}

/** Appended, hidden, to "Revoke": a screen reader's list of buttons needs to say which session each one ends. */
export function revokeDescription(session: SessionView) {
  return (
    <>
      {describeDevice(session.userAgent)}, created <SessionTime value={session.createdAt} />
    </>
  );
}

export function SessionTime({ value }: { value: Date }) {
  return <LocalTime value={value} dateStyle="medium" timeStyle="short" />;
}
