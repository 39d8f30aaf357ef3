// The caller's sessions and tokens, and the security activity of the account (portal additions).
import { z } from "zod";
import { isoDate, message } from "./shapes";
import { SessionKind } from "@/lib/server/db/generated/enums";
import { SECURITY_EVENT_TYPES } from "@/lib/security-event-types";
import { endpoint } from "./endpoint";
import { PORTAL } from "./tags";

export const listSessions = endpoint({
  method: "GET",
  path: "/api/v1/user/sessions",
  auth: true,
  docs: {
    style: "v1",
    operationId: "listSessions",
    summary: "List sessions",
    tags: [PORTAL],
    success: {
      description: "The caller's live sessions, most recently used first.",
      schema: message("Active sessions").extend({
        sessions: z.array(
          z.object({
            id: z.string(),
            kind: z.enum(Object.values(SessionKind)),
            current: z.boolean(),
            createdAt: isoDate,
            lastSeenAt: isoDate,
            expiresAt: isoDate,
            ip: z.string().nullable(),
            userAgent: z.string().nullable(),
          }),
        ),
      }),
    },
  },
});

export const revokeSession = endpoint({
  method: "DELETE",
  path: "/api/v1/user/sessions/{id}",
  auth: true,
  docs: {
    style: "v1",
    operationId: "revokeSession",
    summary: "Revoke a session",
    tags: [PORTAL],
    pathParams: z.object({ id: z.string().meta({ description: "The session's id, from GET /api/v1/user/sessions." }) }),
    success: { description: "Revoked (the current one included).", schema: message("Session revoked") },
    errors: ["NOT_FOUND"],
  },
});

export const revokeOtherSessions = endpoint({
  method: "POST",
  path: "/api/v1/user/sessions/revoke-others",
  auth: true,
  docs: {
    style: "v1",
    operationId: "revokeOtherSessions",
    summary: "Sign out everywhere else",
    tags: [PORTAL],
    success: { description: "Every other session and token revoked.", schema: message("Signed out everywhere else").extend({ revoked: z.int().min(0) }) },
  },
});

export const listSecurityEvents = endpoint({
  method: "GET",
  path: "/api/v1/user/security-events",
  auth: true,
  docs: {
    style: "v1",
    operationId: "listSecurityEvents",
    summary: "Recent security events",
    tags: [PORTAL],
    success: {
      description: "The caller's last 10, newest first.",
      schema: message("Recent security events").extend({
        events: z.array(
          z.object({
            id: z.string(),
            type: z.enum(SECURITY_EVENT_TYPES),
            ip: z.string().nullable(),
            userAgent: z.string().nullable(),
            createdAt: isoDate,
            application: z.string().nullable().meta({ description: "The API key's application, for a change made through seed 002." }),
          }),
        ),
      }),
    },
  },
});
