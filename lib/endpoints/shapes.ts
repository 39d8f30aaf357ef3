// The parts of the OpenAPI document the endpoint declarations name: plain values,
// importable where server code is not (server.ts and the proxy read the declarations).
import { z } from "zod";

export const SECURITY = {
  bearer: "bearer",
  userToken: "userToken",
  browserSession: "browserSession",
  apiKey: "apiKey",
} as const;

export const isoDate = z.iso.datetime({ offset: false });

/** A v1 success body: `{ message }` with exactly this text. */
export const message = <T extends string>(text: T) => z.object({ message: z.literal(text) });
