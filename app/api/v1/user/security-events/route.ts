// GET /api/v1/user/security-events — the caller's last 10 security events (portal addition).
import { listSecurityEvents } from "@/lib/endpoints/sessions";
import { apiRoute } from "@/lib/server/http/api-route";
import { callerOf } from "@/lib/server/http/caller";
import { recentSecurityEvents } from "@/lib/server/features/sessions/manage-sessions";

export const GET = apiRoute(listSecurityEvents, async ({ principal }) => {
  const events = await recentSecurityEvents(callerOf(principal));
  return {
    body: {
      message: "Recent security events",
      events: events.map((event) => ({ ...event, createdAt: event.createdAt.toISOString() })),
    },
  };
});
