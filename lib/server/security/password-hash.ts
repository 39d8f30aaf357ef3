import "server-only";
import bcrypt from "bcrypt";
import { createHmac } from "node:crypto";
import { availableParallelism } from "node:os";
import { normalizePassword, PASSWORD_MAX_LENGTH } from "@/lib/schemas/password";
import { config } from "../config";
import { AppError } from "../errors";
import { concurrencyLimit, QueueFullError } from "./concurrency-limit";

/*
 * Stored format, the same as passlib's bcrypt_sha256 (v2), so hashes are portable:
 *   $bcrypt-sha256$v=2,t=2b,r=<cost>$<22-char salt>$<31-char bcrypt digest>
 * The password (NFKC-normalised) is first reduced with HMAC-SHA-256 keyed by the salt and
 * base64-encoded (44 bytes), so bcrypt's 72-byte input limit can never truncate it: every
 * character of a 128-character password counts.
 * Plain bcrypt hashes ($2a$/$2b$/$2y$, e.g. imported accounts) still verify, and are flagged
 * for an upgrade at the next successful sign-in.
 */
const SHA256_PREFIX = "$bcrypt-sha256$";
const SHA256_FORMAT = /^\$bcrypt-sha256\$v=2,t=(2b),r=(\d{1,2})\$([./A-Za-z0-9]{22})\$([./A-Za-z0-9]{31})$/;
const PLAIN_BCRYPT_FORMAT = /^\$2[aby]\$(\d{2})\$[./A-Za-z0-9]{53}$/;

/** A place in the queue frees every fraction of a second (one hash per core), so soon is soon. */
const RETRY_AFTER_SECONDS_WHEN_BUSY = 1;

let bcryptSlots: ReturnType<typeof concurrencyLimit> | undefined;
const slots = () => (bcryptSlots ??= concurrencyLimit(Math.max(1, availableParallelism()), config().bcryptMaxQueue));

const busy = () => new AppError("SERVICE_UNAVAILABLE", undefined, { retryAfterSeconds: RETRY_AFTER_SECONDS_WHEN_BUSY });

/**
 * Every bcrypt computation goes through here: one per core at most, and at most
 * BCRYPT_MAX_QUEUE waiting (see concurrency-limit.ts for why); past that, 503 at once.
 */
async function limitBcrypt<T>(task: () => Promise<T>): Promise<T> {
  try {
    return await slots()(task);
  } catch (error) {
    if (error instanceof QueueFullError) throw busy();
    throw error;
  }
}

/**
 * 503 at once when a hash asked for now would be refused. Checked before a request's rate limits
 * are counted, so that a client refused for the server's load does not spend its own budget (a
 * hash can still be refused later, when the queue filled meanwhile).
 */
export function assertHashCapacity(): void {
  if (slots().isFull()) throw busy();
}

function prehash(password: string, salt: string): string {
  return createHmac("sha256", salt).update(normalizePassword(password), "utf8").digest("base64");
}

export async function hashPassword(password: string, cost: number): Promise<string> {
  const bcryptSalt = await bcrypt.genSalt(cost, "b");
  const salt = bcryptSalt.slice(-22);
  const full = await limitBcrypt(() => bcrypt.hash(prehash(password, salt), bcryptSalt));
  return `${SHA256_PREFIX}v=2,t=2b,r=${cost}$${salt}$${full.slice(-31)}`;
}

export interface Verification {
  valid: boolean;
  /** The stored hash is weaker than what we would write today (older scheme or lower cost). */
  needsRehash: boolean;
}

/**
 * Longer than any password the policy ever accepted (PASSWORD_MAX_LENGTH characters, each at most
 * two UTF-16 units, with room for imported ones): cannot be right, so it is refused before it is
 * normalised, HMAC'd or hashed on the event loop. The caller answers as for a wrong password.
 */
export const LONGEST_CHECKED_PASSWORD = 4 * PASSWORD_MAX_LENGTH;

export async function verifyPassword(password: string, stored: string, cost: number): Promise<Verification> {
  if (password.length > LONGEST_CHECKED_PASSWORD) return { valid: false, needsRehash: false };
  const modern = SHA256_FORMAT.exec(stored);
  if (modern) {
    const [, variant, rounds, salt, digest] = modern as unknown as [string, string, string, string, string];
    const bcryptHash = `$${variant}$${rounds.padStart(2, "0")}$${salt}${digest}`;
    const valid = await limitBcrypt(() => bcrypt.compare(prehash(password, salt), bcryptHash));
    return { valid, needsRehash: valid && Number(rounds) < cost };
  }
  if (PLAIN_BCRYPT_FORMAT.test(stored)) {
    // Imported systems hashed what the person typed, without normalising it.
    const valid = await limitBcrypt(() => bcrypt.compare(password, stored));
    return { valid, needsRehash: valid };
  }
  return { valid: false, needsRehash: false };
}

/**
 * A hash of a random value, made once per cost: an unknown email is checked against it so
 * that it spends the same bcrypt time as a wrong password for a real account.
 */
const decoys = new Map<number, Promise<string>>();

export function decoyHash(cost: number): Promise<string> {
  let decoy = decoys.get(cost);
  if (!decoy) {
    decoy = hashPassword(crypto.randomUUID(), cost);
    decoys.set(cost, decoy);
    // Refused (queue full), it is made by the next caller instead of failing every one after.
    decoy.catch(() => decoys.delete(cost));
  }
  return decoy;
}
