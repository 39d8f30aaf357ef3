// Creations racing for the last places under the per-user limit, on PostgreSQL (TEST_DATABASE_URL;
// .ci/run sets it), where transactions run side by side: PGlite runs them one at a time.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useUnitPostgres } from "@/lib/testing/unit-postgres";
import { database } from "../../db/client";
import { registerAccount } from "../sign-in";
import { createApiKey, MAX_LIVE_API_KEYS } from "./api-keys";

const url = useUnitPostgres();

describe.runIf(url)("the live-key limit under concurrency, on PostgreSQL", () => {
  it("lets exactly the limit's worth of racing creations through", async () => {
    const client = { ip: "198.51.100.9", userAgent: "vitest" };
    const user = await registerAccount({ email: `keys-race-${randomUUID()}@example.com`, password: "lantern-orchid-velvet" }, client);
    const caller = { userId: user.id, sessionId: randomUUID() };

    const results = await Promise.allSettled(
      Array.from({ length: MAX_LIVE_API_KEYS + 10 }, (_, i) => createApiKey(caller, { name: `App ${i}` }, client)),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(MAX_LIVE_API_KEYS);
    expect(await database().apiKey.count({ where: { userId: user.id } })).toBe(MAX_LIVE_API_KEYS);
  });
});
