import { describe, expect, it } from "vitest";
import { apiClient, backends, bearer, browserSessionCookie, signedUpUser, strongPassword, uniqueEmail } from "./client";

describe.each(backends)("POST /api/v1/user/login on $name", ({ url }) => {
  const api = apiClient(url);

  it("returns a token, its expiry and the user, and sets the userToken cookie", async () => {
    const email = uniqueEmail();
    const password = strongPassword();
    await api.register({ email, password, name: "Lin" });
    const response = await api.login({ email: email.toUpperCase(), password });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      message: "Login successful",
      token: expect.stringMatching(/^cxp_[A-Za-z0-9_-]{43}$/),
      expiresAt: expect.any(String),
      user: expect.objectContaining({ email, name: "Lin" }),
    });
    expect(new Date(response.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const cookie = response.headers.getSetCookie().find((candidate) => candidate.startsWith("userToken="))!;
    expect(cookie).toContain(`userToken=${response.body.token}`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    // Production on an http APP_URL (ALLOW_INSECURE_HTTP): Secure follows the scheme, so a browser
    // keeps the cookie; e2e/contract/cookie-names.test.ts covers the https site.
    expect(cookie).not.toMatch(/Secure/);
  });

  it("answers {} with MISSING_PARAMETERS naming email and password", async () => {
    const response = await api.login({});
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      message: "Missing One or More Required Parameters",
      code: "MISSING_PARAMETERS",
      errors: { email: ["This field is required"], password: ["This field is required"] },
    });
  });

  it.each([
    ["a truncated object", "{"],
    ["an array", "[]"],
    ["a string", '"email"'],
    ["null", "null"],
    ["nothing", ""],
  ])("answers %s with MALFORMED_JSON", async (_label, raw) => {
    const response = await api.login(undefined, { raw });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ message: "Malformed JSON body", code: "MALFORMED_JSON" });
  });

  it("answers a 20 KiB body with 413", async () => {
    const response = await api.login({ email: "a@example.com", password: "p".repeat(20 * 1024) });
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ message: "Payload too large", code: "PAYLOAD_TOO_LARGE" });
  });

  it("answers an overlong password (under the body limit) exactly as a wrong one, for a real account", async () => {
    const { email } = await signedUpUser(api);
    const overlong = await api.login({ email, password: "p".repeat(8 * 1024) });
    const wrong = await api.login({ email, password: strongPassword() });
    expect(overlong.status).toBe(401);
    expect(overlong.body).toEqual(wrong.body);
  });

  it("next-auth's sign-in refuses a 2 MiB form post with 413, and still signs in a normal one", async () => {
    const { email, password } = await signedUpUser(api);
    const body = new URLSearchParams({ email, password, csrfToken: "x", padding: "p".repeat(2 * 1024 * 1024) });
    const response = await fetch(`${url}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
      redirect: "manual",
    });
    expect(response.status).toBe(413);
    expect((await response.json()).code).toBe("PAYLOAD_TOO_LARGE");
    expect(await browserSessionCookie(url, email, password)).toMatch(/session-token=/);
  });

  it("answers a body just under 16 KiB normally", async () => {
    const padding = "p".repeat(16 * 1024 - 100);
    const response = await api.login({ email: "a@example.com", password: "x", padding });
    expect(response.status).toBe(401);
  });

  it.each([
    ["text/plain", { "content-type": "text/plain" }],
    ["form data", { "content-type": "application/x-www-form-urlencoded" }],
  ])("answers %s with 415", async (_label, headers) => {
    const response = await api.login(undefined, { raw: "{}", headers });
    expect(response.status).toBe(415);
    expect(response.body).toEqual({ message: "Content-Type must be application/json", code: "UNSUPPORTED_MEDIA_TYPE" });
  });

  it("accepts application/json with a charset parameter", async () => {
    const response = await api.login(undefined, { raw: "{}", headers: { "content-type": "application/json; charset=utf-8" } });
    expect(response.body.code).toBe("MISSING_PARAMETERS");
  });

  it("gives byte-identical 401 bodies for an unknown email and a wrong password", async () => {
    const email = uniqueEmail();
    await api.register({ email, password: strongPassword() });
    const unknown = await api.login({ email: uniqueEmail("nobody"), password: strongPassword() });
    const wrong = await api.login({ email, password: strongPassword() });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.text).toBe(wrong.text);
    expect(JSON.parse(wrong.text)).toEqual({ message: "Invalid email or password", code: "INVALID_CREDENTIALS" });
  });

  it("treats a malformed email as an unknown account", async () => {
    const response = await api.login({ email: "not an email", password: "whatever" });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe("INVALID_CREDENTIALS");
  });

  it("tells apart two 100-character passwords that share their first 72 bytes", async () => {
    const shared = "k".repeat(72);
    const first = `${shared}${"A".repeat(28)}`;
    const second = `${shared}${"B".repeat(28)}`;
    const email = uniqueEmail();
    expect((await api.register({ email, password: first })).status).toBe(201);
    expect((await api.login({ email, password: second })).status).toBe(401);
    expect((await api.login({ email, password: first })).status).toBe(200);
  });

  it("accepts the password in another Unicode normal form (NFKC)", async () => {
    const email = uniqueEmail();
    await api.register({ email, password: "Café-au-lait-42" });
    const decomposed = "Café-au-lait-42".normalize("NFD");
    expect((await api.login({ email, password: decomposed })).status).toBe(200);
  });

  it("issues a new, independent token at every login", async () => {
    const email = uniqueEmail();
    const password = strongPassword();
    await api.register({ email, password });
    const first = await api.login({ email, password });
    const second = await api.login({ email, password });
    expect(first.body.token).not.toBe(second.body.token);
    expect((await api.check({ headers: bearer(first.body.token) })).status).toBe(200);
    expect((await api.check({ headers: bearer(second.body.token) })).status).toBe(200);
  });
});
