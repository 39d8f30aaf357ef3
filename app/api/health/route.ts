// GET /api/health — liveness: the process answers. Deliberately touches no database, so a slow or
// busy database never makes a load balancer kill a healthy process (see the readiness check).
import { liveness } from "@/lib/endpoints/health";
import { apiRoute } from "@/lib/server/http/api-route";

export const GET = apiRoute(liveness, async () => ({ body: { message: "OK" } }));
