import "server-only";
import { database, type DbClient } from "../db/client";
import type { Prisma } from "../db/generated/client";

export type SecurityEventType =
  | "account_created"
  | "signed_in"
  | "sign_in_failed"
  | "signed_out"
  | "session_revoked"
  | "password_changed"
  | "password_change_failed"
  | "password_reset"
  | "api_key_created"
  | "api_key_revoked";

export interface SecurityEventInput {
  userId: string;
  type: SecurityEventType;
  ip: string | null;
  userAgent: string | null;
  detail?: Prisma.InputJsonValue;
}

export const securityEventRepository = {
  async record(event: SecurityEventInput, db: DbClient = database()): Promise<void> {
    await db.securityEvent.create({ data: event });
  },

  listForUser(userId: string, take: number) {
    return database().securityEvent.findMany({
      where: { userId },
      orderBy: { createdAt: "desc" },
      take,
      select: { id: true, type: true, ip: true, userAgent: true, createdAt: true, detail: true },
    });
  },
};
