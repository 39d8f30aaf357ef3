import "server-only";
import { database, type DbClient } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { SecurityEventType } from "@/lib/security-event-types";

export type { SecurityEventType };

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
