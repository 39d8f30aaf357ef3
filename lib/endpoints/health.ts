// The balancer's checks and the API's own description.
import { z } from "zod";
import { message } from "./shapes";
import { endpoint } from "./endpoint";
import { HEALTH, REFERENCE } from "./tags";

export const liveness = endpoint({
  method: "GET",
  path: "/api/health",
  exemptFromRateLimits: true,
  docs: {
    style: "v1",
    operationId: "liveness",
    summary: "Liveness",
    tags: [HEALTH],
    success: { description: "The process answers (no database touched).", schema: message("OK") },
  },
});

export const readiness = endpoint({
  method: "GET",
  path: "/api/health/ready",
  exemptFromRateLimits: true,
  docs: {
    style: "v1",
    operationId: "readiness",
    summary: "Readiness",
    tags: [HEALTH],
    success: {
      description:
        "The database answers and has this build's migrations; `mail` is the outbox's backlog (never a reason for 503), forgot-password mail left out (it would tell whether an email has an account).",
      schema: message("Ready").extend({
        mail: z.object({
          due: z.int().min(0).meta({ description: "Unsent jobs whose time has come." }),
          pending: z.int().min(0).meta({ description: "Unsent jobs, due or waiting for a retry." }),
          oldestPendingSeconds: z.number().min(0).nullable().meta({ description: "Age of the oldest unsent job; null when none." }),
          dead: z.int().min(0).meta({ description: "Jobs given up after MAIL_MAX_ATTEMPTS or a permanent refusal." }),
        }),
      }),
    },
    errors: ["SERVICE_UNAVAILABLE"],
  },
});

/** Answered by guardedRoute (lib/server/http/envelope.ts): no body, caller or database. */
export const openApiReference = endpoint({
  method: "GET",
  path: "/api/openapi.json",
  docs: {
    style: "v1",
    operationId: "openApiDocument",
    summary: "This document",
    tags: [REFERENCE],
    success: { description: "The OpenAPI 3.1 document (also rendered at /docs/api).", schema: z.looseObject({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }) },
  },
});
