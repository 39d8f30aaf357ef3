import { describe, expect, it } from "vitest";
import { apiClient, backends, strongPassword, uniqueEmail } from "./client";

/**
 * PostgreSQL text cannot hold U+0000: a value with one that reaches a query is a database error
 * (22021), a 500. Every text field that is stored or looked up refuses it as bad input instead,
 * on every backend alike (PGlite accepts it in some places, which hid the 500).
 */
describe.each(backends)("a NUL character in stored or looked-up text on $name", ({ url }) => {
  const api = apiClient(url);
  const refused = (field: string) => ({
    message: "Invalid parameters",
    code: "INVALID_PARAMETERS",
    errors: { [field]: ["Text cannot contain the NUL character (U+0000)"] },
  });

  it.each([
    ["login's email", "/api/v1/user/login", () => ({ email: "\u0000", password: strongPassword() }), "email"],
    ["login's email around a real address", "/api/v1/user/login", () => ({ email: `${uniqueEmail()}\u0000`, password: strongPassword() }), "email"],
    ["register's name", "/api/v1/user/register", () => ({ email: uniqueEmail(), password: strongPassword(), name: "Li\u0000n" }), "name"],
    ["confirm-otp-reset's email", "/api/v1/user/confirm-otp-reset", () => ({ resetToken: "123456", email: "a\u0000@example.com" }), "email"],
    ["password-reset's email", "/api/v1/user/password-reset", () => ({ email: "\u0000", password: strongPassword(), resetToken: "123456" }), "email"],
  ])("%s: 400 INVALID_PARAMETERS, not a database error", async (_what, path, body, field) => {
    const response = await api.request("POST", path, body());
    expect(response.status).toBe(400);
    expect(response.body).toEqual(refused(field));
  });

  it("registers nothing when the name holds one", async () => {
    const email = uniqueEmail();
    const password = strongPassword();
    expect((await api.request("POST", "/api/v1/user/register", { email, password, name: "\u0000" })).status).toBe(400);
    expect((await api.login({ email, password })).status).toBe(401);
  });

  it("still signs in an account whose password holds one (bcrypt hashes every byte; passwords are never stored)", async () => {
    const password = `${strongPassword()}\u0000tail`;
    const email = uniqueEmail();
    expect((await api.register({ email, password })).status).toBe(201);
    expect((await api.login({ email, password })).status).toBe(200);
    expect((await api.login({ email, password: password.split("\u0000")[0] })).status).toBe(401);
  });
});
