// Two instances of the production server sharing one PostgreSQL and one Redis, as behind a load
// balancer: one budget, one set of sessions. Runs when TEST_REDIS_URL (and TEST_DATABASE_URL) are set.
import { randomInt } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { apiClient, bearer, strongPassword, uniqueEmail } from "./client";

const instances = inject("instances");

describe.runIf(instances.length === 2)("two instances on one PostgreSQL and one Redis", () => {
  const [a, b] = instances.map((url) => apiClient(url)) as [ReturnType<typeof apiClient>, ReturnType<typeof apiClient>];
  const newAddress = () => ({ headers: { "x-forwarded-for": `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}` } });

  it("share one rate-limit budget", async () => {
    const address = newAddress();
    const statuses = [];
    for (let i = 0; i < 8; i++) {
      const instance = i % 2 === 0 ? a : b;
      statuses.push((await instance.register({ email: uniqueEmail(), password: strongPassword() }, address)).status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
  });

  it("share one password-reset cooldown", async () => {
    const email = uniqueEmail();
    const forgot = (instance: typeof a) => instance.request("POST", "/api/v1/user/forgot-password", { email }, newAddress());
    expect((await forgot(a)).status).toBe(200);
    expect((await forgot(b)).status).toBe(429);
  });

  it("share sessions: a password changed on one ends the other sessions on both", async () => {
    const email = uniqueEmail();
    const password = strongPassword();
    expect((await a.register({ email, password }, newAddress())).status).toBe(201);
    const first = (await a.login({ email, password }, newAddress())).body.token as string;
    const second = (await b.login({ email, password }, newAddress())).body.token as string;
    expect((await b.sessions({ headers: bearer(first) })).status).toBe(200);
    const changed = await b.changePassword({ oldPassword: password, newPassword: strongPassword() }, { headers: bearer(second) });
    expect(changed.status).toBe(200);
    expect((await a.sessions({ headers: bearer(first) })).status).toBe(401);
    expect((await a.sessions({ headers: bearer(second) })).status).toBe(200);
  });
});
