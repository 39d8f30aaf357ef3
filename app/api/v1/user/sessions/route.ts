// GET /api/v1/user/sessions — the caller's live sessions and API tokens (portal addition).
import { listSessions as listSessionsEndpoint } from "@/lib/endpoints/sessions";
import { apiRoute } from "@/lib/server/http/api-route";
import { callerOf } from "@/lib/server/http/caller";
import { listSessions } from "@/lib/server/features/sessions/manage-sessions";

export const GET = apiRoute(listSessionsEndpoint, async ({ principal }) => {
  const sessions = await listSessions(callerOf(principal));
  return {
    body: {
      message: "Active sessions",
      sessions: sessions.map((session) => ({
        id: session.id,
        kind: session.kind,
        current: session.current,
        createdAt: session.createdAt.toISOString(),
        lastSeenAt: session.lastSeenAt.toISOString(),
        expiresAt: session.expiresAt.toISOString(),
        ip: session.ip,
        userAgent: session.userAgent,
      })),
    },
  };
});
