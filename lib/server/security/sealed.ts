import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// Secrets the server must read back, sealed at rest: outbox bodies hold reset codes and link
// tokens until they are sent, and an authenticator app's secret is needed at every sign-in. A
// copy of the database (a backup, a replica, a support dump) must not be enough to take over an
// account. AES-256-GCM under keys derived from NEXTAUTH_SECRET (config.ts), so there is still one
// secret to manage.
const VERSION = "v1";

/**
 * `v1.<iv>.<tag>.<ciphertext>`, base64url. `context` (the mail job's id, the account's id) is
 * authenticated, so a sealed value cannot be moved to another row.
 */
export function seal(value: unknown, key: Buffer, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

export class UnsealableError extends Error {
  // The outbox records it as a job's last error (docs/operations.md).
  readonly code = "UNREADABLE_BODY";
}

/** Throws UnsealableError when the value was sealed under another secret, for another row, or altered. */
export function unseal<T>(sealed: string, key: Buffer, context: string): T {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new UnsealableError("unknown sealed format");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]);
    return JSON.parse(plain.toString("utf8")) as T;
  } catch {
    throw new UnsealableError("the value does not open with this secret (was NEXTAUTH_SECRET changed?)");
  }
}
