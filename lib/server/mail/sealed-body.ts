import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// Outbox bodies hold reset codes and link tokens until they are sent: a copy of the database (a
// backup, a replica, a support dump) must not be enough to take over an account. AES-256-GCM
// under a key derived from NEXTAUTH_SECRET (config.ts), so there is still one secret to manage.
const VERSION = "v1";

/** `v1.<iv>.<tag>.<ciphertext>`, base64url; the job id is authenticated, so a body cannot be moved to another row. */
export function sealBody(value: unknown, key: Buffer, jobId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(jobId));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

export class UnreadableBodyError extends Error {
  readonly code = "UNREADABLE_BODY";
}

/** Throws UnreadableBodyError when the body was sealed under another secret, for another job, or altered. */
export function openBody<T>(sealed: string, key: Buffer, jobId: string): T {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new UnreadableBodyError("unknown body format");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(jobId));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    const plain = Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]);
    return JSON.parse(plain.toString("utf8")) as T;
  } catch {
    throw new UnreadableBodyError("the body does not open with this secret (was NEXTAUTH_SECRET changed?)");
  }
}
