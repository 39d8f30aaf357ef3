import "server-only";
import type { PublicUser } from "../repositories/user-repository";

/** The user as the API shows it: the public fields, in a stable order, dates as ISO strings. */
export function presentUser(user: PublicUser) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    createdAt: user.createdAt.toISOString(),
    passwordChangedAt: user.passwordChangedAt?.toISOString() ?? null,
  };
}
