import { describe, expect, it } from "vitest";
import { apiClient, backends, bearer, browserSessionCookie, signedUpUser, type ApiClient, type RequestOptions } from "./client";

const KEY_FORMAT = /^cxk_[A-Za-z0-9_-]{43}$/;

function apiKeys(api: ApiClient) {
  return {
    list: (options?: RequestOptions) => api.request("GET", "/api/v1/user/api-keys", undefined, options),
    create: (body: unknown, options?: RequestOptions) => api.request("POST", "/api/v1/user/api-keys", body, options),
    revoke: (id: string, options?: RequestOptions) => api.request("DELETE", `/api/v1/user/api-keys/${id}`, undefined, options),
  };
}

describe.each(backends)("API keys on $name", ({ url }) => {
  const api = apiClient(url);
  const keys = apiKeys(api);

  it("creates a key shown once, with a recognisable prefix, and lists it without the key or its hash", async () => {
    const { token } = await signedUpUser(api);
    const created = await keys.create({ name: "  Acme CRM  " }, { headers: bearer(token) });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      message: "API key created",
      id: expect.any(String),
      name: "Acme CRM",
      prefix: expect.any(String),
      key: expect.stringMatching(KEY_FORMAT),
      createdAt: expect.any(String),
    });
    // The prefix the list will show, so a page can list the new key at once.
    expect(created.body.prefix).toBe(created.body.key.slice(0, 12));
    const { id, key, createdAt } = created.body;
    expect(new Date(createdAt).toISOString()).toBe(createdAt);

    const listed = await keys.list({ headers: bearer(token) });
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({
      message: "API keys",
      apiKeys: [{ id, name: "Acme CRM", prefix: key.slice(0, 12), createdAt, lastUsedAt: null }],
    });
    expect(listed.text).not.toContain(key);
    expect(listed.text).not.toMatch(/keyHash|[0-9a-f]{64}/);
  });

  it("lists live keys newest first, and each key is different", async () => {
    const { token } = await signedUpUser(api);
    const names = ["First app", "Second app", "Third app"];
    const created = [];
    for (const name of names) created.push((await keys.create({ name }, { headers: bearer(token) })).body);
    expect(new Set(created.map((key) => key.key)).size).toBe(3);
    const listed = (await keys.list({ headers: bearer(token) })).body.apiKeys as Array<{ name: string }>;
    expect(listed.map((key) => key.name)).toEqual([...names].reverse());
  });

  it("revokes a key once; it leaves the list, and revoking again is 404", async () => {
    const { token } = await signedUpUser(api);
    const kept = (await keys.create({ name: "Kept" }, { headers: bearer(token) })).body;
    const gone = (await keys.create({ name: "Gone" }, { headers: bearer(token) })).body;
    const revoked = await keys.revoke(gone.id, { headers: bearer(token) });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toEqual({ message: "API key revoked" });
    expect((await keys.list({ headers: bearer(token) })).body.apiKeys.map((key: { id: string }) => key.id)).toEqual([kept.id]);
    expect(await keys.revoke(gone.id, { headers: bearer(token) })).toMatchObject({ status: 404, body: { message: "Not Found", code: "NOT_FOUND" } });
  });

  it("keeps each person's keys their own: others cannot list or revoke them (404)", async () => {
    const owner = await signedUpUser(api);
    const other = await signedUpUser(api);
    const created = (await keys.create({ name: "Acme CRM" }, { headers: bearer(owner.token) })).body;
    expect((await keys.list({ headers: bearer(other.token) })).body.apiKeys).toEqual([]);
    expect((await keys.revoke(created.id, { headers: bearer(other.token) })).status).toBe(404);
    expect((await keys.list({ headers: bearer(owner.token) })).body.apiKeys).toHaveLength(1);
  });

  it("answers 404 for unknown and malformed ids, a NUL character included", async () => {
    const { token } = await signedUpUser(api);
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-an-id", "%00", "x%00y"]) {
      expect({ id, status: (await keys.revoke(id, { headers: bearer(token) })).status }).toEqual({ id, status: 404 });
    }
  });

  it("requires a signed-in caller", async () => {
    const { token } = await signedUpUser(api);
    const created = (await keys.create({ name: "Acme CRM" }, { headers: bearer(token) })).body;
    const unauthorized = { message: "Unauthorized", code: "UNAUTHORIZED" };
    expect(await keys.list()).toMatchObject({ status: 401, body: unauthorized });
    expect(await keys.create({ name: "Acme CRM" })).toMatchObject({ status: 401, body: unauthorized });
    expect(await keys.create({})).toMatchObject({ status: 401, body: unauthorized });
    expect(await keys.revoke(created.id)).toMatchObject({ status: 401, body: unauthorized });
    // An API key is not a credential: it cannot stand in for the person's token.
    expect(await keys.list({ headers: bearer(created.key) })).toMatchObject({ status: 401, body: unauthorized });
    expect((await keys.list({ headers: bearer(token) })).body.apiKeys).toHaveLength(1);
  });

  it("works from the account page's browser session, and refuses a cookie-authenticated change from another site", async () => {
    const { email, password } = await signedUpUser(api);
    const cookie = await browserSessionCookie(url, email, password);
    const created = await keys.create({ name: "From the page" }, { headers: { cookie } });
    expect(created.status).toBe(201);
    expect((await keys.create({ name: "Forged" }, { headers: { cookie, "sec-fetch-site": "cross-site" } })).status).toBe(403);
    expect((await keys.revoke(created.body.id, { headers: { cookie, "sec-fetch-site": "cross-site" } })).status).toBe(403);
    expect((await keys.list({ headers: { cookie } })).body.apiKeys.map((key: { name: string }) => key.name)).toEqual(["From the page"]);
  });

  it.each([
    ["no name", {}, "MISSING_PARAMETERS", "This field is required"],
    ["a null name", { name: null }, "MISSING_PARAMETERS", "This field is required"],
    ["an empty name", { name: "" }, "MISSING_PARAMETERS", "This field is required"],
    ["a name of spaces", { name: "   " }, "MISSING_PARAMETERS", "This field is required"],
    ["a name over 100 characters", { name: "x".repeat(101) }, "INVALID_PARAMETERS", "Names are at most 100 characters"],
    ["a number for a name", { name: 5 }, "INVALID_PARAMETERS", "Expected text, got a number"],
    ["a NUL character in the name", { name: "Acme\u0000CRM" }, "INVALID_PARAMETERS", "Text cannot contain the NUL character (U+0000)"],
  ])("refuses %s with %s and creates nothing", async (_what, body, code, message) => {
    const { token } = await signedUpUser(api);
    const response = await keys.create(body, { headers: bearer(token) });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code, errors: { name: [message] } });
    expect((await keys.list({ headers: bearer(token) })).body.apiKeys).toEqual([]);
  });

  it("accepts a name of exactly 100 characters after trimming", async () => {
    const { token } = await signedUpUser(api);
    const name = "n".repeat(100);
    expect((await keys.create({ name: ` ${name} ` }, { headers: bearer(token) })).body.name).toBe(name);
  });

  it("allows 20 live keys per person; the 21st is refused until one is revoked", async () => {
    const { token } = await signedUpUser(api);
    const created = [];
    for (let i = 0; i < 20; i++) created.push(await keys.create({ name: `App ${i}` }, { headers: bearer(token) }));
    expect(created.map((response) => response.status)).toEqual(Array(20).fill(201));
    const refused = await keys.create({ name: "One too many" }, { headers: bearer(token) });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      message: "Invalid Request",
      code: "INVALID_REQUEST",
      errors: { apiKeys: ["You can have at most 20 API keys. Revoke one you no longer use first."] },
    });
    await keys.revoke(created[0]!.body.id, { headers: bearer(token) });
    expect((await keys.create({ name: "In its place" }, { headers: bearer(token) })).status).toBe(201);
  });

  it("records the creation and the revocation among the person's security events", async () => {
    const { token } = await signedUpUser(api);
    const created = (await keys.create({ name: "Acme CRM" }, { headers: bearer(token) })).body;
    await keys.revoke(created.id, { headers: bearer(token) });
    const types = ((await api.securityEvents({ headers: bearer(token) })).body.events as Array<{ type: string }>).map((event) => event.type);
    expect(types.slice(0, 2)).toEqual(["api_key_revoked", "api_key_created"]);
  });
});
