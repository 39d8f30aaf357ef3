import "server-only";
import type { RegisterInput } from "@/lib/schemas/auth";
import { config } from "../config";
import { AppError } from "../errors";
import { EmailTakenError, userRepository, type PublicUser } from "../repositories/user-repository";
import { securityEventRepository } from "../repositories/security-event-repository";
import { hashPassword } from "../security/password-hash";
import type { ClientContext } from "./client-context";

/** Creates an account. The input has passed registerSchema, password policy included. */
export async function registerAccount(input: RegisterInput, client: ClientContext): Promise<PublicUser> {
  const passwordHash = await hashPassword(input.password, config().bcryptCost);
  try {
    const user = await userRepository.create({ email: input.email, name: input.name, passwordHash });
    await securityEventRepository.record({ userId: user.id, type: "account_created", ...client });
    return user;
  } catch (error) {
    if (error instanceof EmailTakenError) throw new AppError("EMAIL_TAKEN");
    throw error;
  }
}
