import "server-only";
import { database } from "../db/client";

export const healthRepository = {
  /** One trivial round trip: throws when the database cannot be reached. */
  async ping(): Promise<void> {
    await database().$queryRaw`SELECT 1`;
  },
};
