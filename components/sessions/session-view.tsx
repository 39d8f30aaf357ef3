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

/**
 * An address that never breaks inside a number: an IPv4 address stays whole, an IPv6 one may wrap
 * only after a colon (the card's `overflow-wrap: anywhere` is turned off on `.address`).
 */
export function IpAddress({ value }: { value: string | null }) {
  if (!value) return <>—</>;
  const groups = value.split(":");
  return (
    <span className="address">
      {groups.map((group, index) => (
        <span key={index}>
          {group}
          {index < groups.length - 1 && (
            <>
              :<wbr />
            </>
          )}
        </span>
      ))}
    </span>
  );
}
