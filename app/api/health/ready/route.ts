// GET /api/health/ready — readiness: the database answers and has this build's migrations (503 with Retry-After otherwise); the mail outbox's backlog.
import { apiRoute } from "@/lib/server/http/api-route";
import { checkReadiness } from "@/lib/server/services/check-readiness";

export const GET = apiRoute({ exemptFromRateLimits: true }, async () => {
  const mail = await checkReadiness();
  return { body: { message: "Ready", mail } };
});
