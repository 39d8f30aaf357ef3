import { availableParallelism } from "node:os";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decoyHash, hashPassword, verifyPassword } from "./password-hash";

// bcrypt itself is real; the test only decides when each computation may start, so that "every
// core busy" is a state it sets up rather than a race it hopes to win.
const bcryptGate = vi.hoisted(() => {
  process.env.BCRYPT_MAX_QUEUE = "0";
  const gate = {
    holding: false,
    held: [] as Array<() => void>,
    onHold: [] as Array<() => void>,
    hold(): Promise<void> {
      return new Promise<void>((start) => {
        gate.held.push(start);
        for (const notify of gate.onHold.splice(0)) notify();
      });
    },
    /** Resolves once `count` computations are held. */
    async untilHeld(count: number) {
      while (gate.held.length < count) await new Promise<void>((notify) => gate.onHold.push(notify));
    },
  };
  return gate;
});

vi.mock("bcrypt", async (importOriginal) => {
  const real = ((await importOriginal()) as { default: typeof import("bcrypt") }).default;
  const gated =
    <A extends unknown[], T>(work: (...args: A) => Promise<T>) =>
    (...args: A) =>
      bcryptGate.holding ? bcryptGate.hold().then(() => work(...args)) : work(...args);
  return { default: { ...real, hash: gated(real.hash), compare: gated(real.compare) } };
});

const COST = 4;

/** Starts one hash per core and waits until each holds its core. */
async function occupyEveryCore(): Promise<Array<Promise<string>>> {
  bcryptGate.holding = true;
  const busy = Array.from({ length: availableParallelism() }, (_, index) => hashPassword(`busy-${index}`, COST));
  await bcryptGate.untilHeld(busy.length);
  return busy;
}

function freeEveryCore() {
  bcryptGate.holding = false;
  for (const start of bcryptGate.held.splice(0)) start();
}

const busyRefusal = { code: "SERVICE_UNAVAILABLE", status: 503, retryAfterSeconds: 1 };

describe("bcrypt with every core busy and BCRYPT_MAX_QUEUE=0", () => {
  afterEach(freeEveryCore);

  it("refuses a new hash, a verification and the unknown-email decoy at once with 503 and Retry-After", async () => {
    const stored = await hashPassword("stored before the rush", COST);
    const busy = await occupyEveryCore();

    await expect(hashPassword("one more", COST)).rejects.toMatchObject(busyRefusal);
    await expect(verifyPassword("stored before the rush", stored, COST)).rejects.toMatchObject(busyRefusal);
    await expect(decoyHash(COST)).rejects.toMatchObject(busyRefusal);

    freeEveryCore();
    await Promise.all(busy);
    expect(await verifyPassword("stored before the rush", stored, COST)).toEqual({ valid: true, needsRehash: false });
  });

  it("makes the decoy again once cores are free, instead of remembering its refusal", async () => {
    const busy = await occupyEveryCore();
    await expect(decoyHash(COST + 1)).rejects.toMatchObject(busyRefusal);
    freeEveryCore();
    // Free means the held hashes have finished and given their cores back (CI once asked first).
    await Promise.all(busy);
    expect(await decoyHash(COST + 1)).toMatch(/^\$bcrypt-sha256\$v=2,t=2b,r=5\$/);
  });
});
