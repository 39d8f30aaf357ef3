// GET /api/health/ready — readiness: the database answers too; 503 with Retry-After when it does not.
import { apiRoute } from "@/lib/server/http/api-route";
import { healthRepository } from "@/lib/server/repositories/health-repository";

export const GET = apiRoute({}, async () => {
  await healthRepository.ping();
  return { body: { message: "Ready" } };
});
