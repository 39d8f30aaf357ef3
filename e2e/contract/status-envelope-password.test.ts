// Seed 004: `POST /v1/users/profile/change-password`, answered in its `{status, data | error}`
// envelope with its numeric codes; the seed's example body runs unchanged.
import { describe, expect, it } from "vitest";
import { apiClient, backends, bearer, cookiePair, signedUpUser, strongPassword, uniqueEmail, type RequestOptions } from "./client";

const PATH = "/v1/users/profile/change-password";
const failure = (code: number, message: string) => ({ status: false, error: expect.objectContaining({ code, message }) });

describe.each(backends)("POST /v1/users/profile/change-password (seed 004) on $name", ({ url }) => {
  const api = apiClient(url);
  const post = (body: unknown, options: RequestOptions = {}) => api.request("POST", PATH, body, options);

  it("runs the seed's example body: 200 {status: true, data: {passwordChanged: OK}}, the new password works", async () => {
    const email = uniqueEmail();
    expect((await api.register({ email, password: "CurrentSecureP@ss123" })).status).toBe(201);
    const { token } = (await api.login({ email, password: "CurrentSecureP@ss123" })).body as { token: string };
    const otherToken = (await api.login({ email, password: "CurrentSecureP@ss123" })).body.token as string;

    const response = await post({ oldPassword: "CurrentSecureP@ss123", newPassword: "NewSecureP@ssw0rd!" }, { headers: bearer(token) });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: true, data: { passwordChanged: "OK" } });
    expect((await api.login({ email, password: "NewSecureP@ssw0rd!" })).status).toBe(200);
    expect((await api.check({ headers: bearer(otherToken) })).status).toBe(401);
  });

  it("answers a wrong old password with the seed's 5023 and changes nothing", async () => {
    const { email, password, token } = await signedUpUser(api);
    const response = await post({ oldPassword: strongPassword(), newPassword: strongPassword() }, { headers: bearer(token) });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ status: false, error: { code: 5023, message: "Incorrect old password" } });
    expect((await api.login({ email, password })).status).toBe(200);
  });

  it("answers no token with 4002 No auth token, a bad one with 4001 Unauthorized", async () => {
    const { password, cookie } = await signedUpUser(api);
    const body = { oldPassword: password, newPassword: strongPassword() };
    const none = await post(body);
    expect(none.status).toBe(401);
    expect(none.body).toEqual({ status: false, error: { code: 4002, message: "No auth token" } });
    // The userToken cookie is not this surface's credential: still "no auth token".
    expect((await post(body, { headers: { cookie: cookiePair(cookie) } })).body.error.code).toBe(4002);
    for (const headers of [bearer("cxp_not-a-token"), { authorization: "Token abc" }]) {
      const bad = await post(body, { headers });
      expect(bad.status).toBe(401);
      expect(bad.body).toEqual({ status: false, error: { code: 4001, message: "Unauthorized" } });
    }
  });

  it.each([
    ["an old password under 8 characters", { oldPassword: "Short1!", newPassword: "Long-enough-Passw0rd" }, 1002, "oldPassword"],
    ["an old password over 128 characters", { oldPassword: "x".repeat(129), newPassword: "Long-enough-Passw0rd" }, 1002, "oldPassword"],
    ["a missing new password", { oldPassword: "Long-enough-Passw0rd" }, 1001, "newPassword"],
    ["a new password that is a number", { oldPassword: "Long-enough-Passw0rd", newPassword: 12345678 }, 1002, "newPassword"],
  ])("answers %s with %i, naming the field", async (_what, body, code, field) => {
    const { token } = await signedUpUser(api);
    const response = await post(body, { headers: bearer(token) });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(failure(code, code === 1001 ? "Missing One or More Required Parameters" : "Invalid parameters"));
    expect(Object.keys(response.body.error.fields)).toEqual([field]);
  });

  it("answers the same password with 5022 and a weak one with 5021", async () => {
    const { password, token } = await signedUpUser(api);
    const same = await post({ oldPassword: password, newPassword: password }, { headers: bearer(token) });
    expect(same.status).toBe(400);
    expect(same.body).toEqual({ status: false, error: { code: 5022, message: "New password cannot be the same as the old password" } });
    const weak = await post({ oldPassword: password, newPassword: "password123" }, { headers: bearer(token) });
    expect(weak.status).toBe(400);
    expect(weak.body).toEqual(failure(5021, "Password does not meet the requirements"));
    expect(weak.body.error.fields).toEqual({ newPassword: ["This is a commonly used password; choose another"] });
  });

  it("answers malformed JSON with 1003 and another content type with 1005", async () => {
    const { token } = await signedUpUser(api);
    const malformed = await api.request("POST", PATH, undefined, { raw: "{", headers: bearer(token) });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ status: false, error: { code: 1003, message: "Malformed JSON body" } });
    const text = await api.request("POST", PATH, undefined, { raw: "oldPassword=a", headers: { ...bearer(token), "content-type": "text/plain" } });
    expect(text.status).toBe(415);
    expect(text.body).toEqual({ status: false, error: { code: 1005, message: "Content-Type must be application/json" } });
  });

  it("answers a method the path lacks with 405, code 1006, and Allow", async () => {
    const response = await api.request("PUT", PATH, {});
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST, OPTIONS");
    expect(response.body).toEqual({ status: false, error: { code: 1006, message: "Method Not Allowed" } });
  });
});
