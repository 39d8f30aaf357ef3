// Proof from a client no one here wrote: types generated from the served OpenAPI document by
// openapi-typescript, requests made by openapi-fetch. The same account registers, signs in and
// changes its password through each of the four surfaces; every answer is checked against the
// document too.
import { readFileSync } from "node:fs";
import createClient from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { assertDocumented } from "@/lib/testing/openapi-validator";
import { generateTypes, TYPES_FILE } from "../typed-client/generate";
import type { paths } from "../typed-client/openapi";
import { backends, strongPassword, uniqueEmail } from "./client";

/** fetch, with every answer checked against the document as client.ts checks its own. */
async function documentedFetch(request: Request): Promise<Response> {
  const response = await fetch(request);
  assertDocumented({ method: request.method, url: request.url, status: response.status, headers: response.headers, text: await response.clone().text() });
  return response;
}

describe.each(backends)("a client generated from the served OpenAPI document, on $name", ({ url }) => {
  it("has the types this checkout commits (else run `npm run api:types`)", async () => {
    const served = await (await fetch(`${url}/api/openapi.json`)).json();
    expect(await generateTypes(served)).toBe(readFileSync(TYPES_FILE, "utf8"));
  });

  it("registers, signs in and changes the password through v1 and seeds 002, 003 and 004", async () => {
    const api = createClient<paths>({ baseUrl: url, fetch: documentedFetch });
    const email = uniqueEmail("typed");
    let password = strongPassword();

    const registered = await api.POST("/api/v1/user/register", { body: { email, password, name: "Typed Client" } });
    expect(registered.response.status).toBe(201);
    expect(registered.data?.user.email).toBe(email);
    const login = await api.POST("/api/v1/user/login", { body: { email, password } });
    const token = login.data!.token;
    const bearer = { authorization: `Bearer ${token}` };

    // Each surface in turn, each change signing in the next with the password it set.
    const changes: Array<(oldPassword: string, newPassword: string) => Promise<unknown>> = [
      async (oldPassword, newPassword) => {
        const { data } = await api.PATCH("/api/v1/user/password", { body: { oldPassword, newPassword }, headers: bearer });
        return data?.message;
      },
      async (oldPassword, newPassword) => {
        const key = await api.POST("/api/v1/user/api-keys", { body: { name: "Typed client" }, headers: bearer });
        const { data } = await api.PATCH("/api/user/password", { body: { oldPassword, newPassword }, headers: { ...bearer, "x-api-key": key.data!.key } });
        return data?.message;
      },
      async (oldPassword, newPassword) => {
        const { data } = await api.PUT("/auth/v1/users/me/password", { body: { oldPassword, newPassword }, headers: bearer });
        return data?.details.sequence;
      },
      async (oldPassword, newPassword) => {
        const { data } = await api.POST("/v1/users/profile/change-password", { body: { oldPassword, newPassword }, headers: bearer });
        return data?.data?.passwordChanged;
      },
    ];
    const results = [];
    for (const change of changes) {
      const newPassword = strongPassword();
      results.push(await change(password, newPassword));
      password = newPassword;
    }
    expect(results).toEqual(["Password updated successfully", "Password updated successfully", "4", "OK"]);

    // The caller's token outlived its own four changes; check rotates it.
    const check = await api.GET("/api/v1/user/check", { headers: bearer });
    expect(check.data?.passwordChangedAt).toEqual(expect.any(String));
    expect((await api.POST("/api/v1/user/login", { body: { email, password } })).response.status).toBe(200);

    // Errors are typed per surface too.
    const rotated = { authorization: `Bearer ${check.data!.token}` };
    const refused = await api.POST("/v1/users/profile/change-password", { body: { oldPassword: strongPassword(), newPassword: strongPassword() }, headers: rotated });
    expect(refused.error?.error.code).toBe(5023);
  });
});
