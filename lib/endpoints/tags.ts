// What several declarations share: the document's tags (its sidebar's sections) and the user object.
import { z } from "zod";
import { isoDate } from "./shapes";

export const GATEWAY = "Gateway (Cargo Extra)";
export const PORTAL = "Portal additions";
export const HEALTH = "Health";
export const API_KEYS = "API keys";
export const SEED_CLIENTS = "Seed clients";
export const REFERENCE = "Reference";

export const userFields = {
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  createdAt: isoDate,
  passwordChangedAt: isoDate.nullable(),
};
export const userSchema = z.object(userFields).meta({ id: "User" });
