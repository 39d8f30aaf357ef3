// GET /api/health/ready — readiness: the database answers and has this build's migrations (503 with Retry-After otherwise); the mail outbox's backlog.
import { readiness } from "@/lib/endpoints/health";
import { apiRoute } from "@/lib/server/http/api-route";
import { checkReadiness } from "@/lib/server/services/check-readiness";

export const GET = apiRoute(readiness, async () => {
  const mail = await checkReadiness();
  return { body: { message: "Ready", mail } };
});
