import { describe, expect, it } from "vitest";
import { apiClient, backends, strongPassword, uniqueEmail } from "./client";

describe.each(backends)("POST /api/v1/user/register on $name", ({ url }) => {
  const api = apiClient(url);

  it("creates the account, stores the email normalised and never returns the hash", async () => {
    const email = uniqueEmail("Mixed.Case");
    const response = await api.register({ email: `  ${email.toUpperCase()} `, password: strongPassword(), name: "Ada" });
    expect(response.status).toBe(201);
    expect(response.body.message).toBe("Account created");
    expect(response.body.user).toEqual({
      id: expect.any(String),
      email: email.toLowerCase(),
      name: "Ada",
      createdAt: expect.any(String),
      passwordChangedAt: null,
    });
    expect(response.text).not.toMatch(/hash|\$2b\$|bcrypt/i);
  });

  it("accepts the seed's example password SecurePass123, which no common-password list contains", async () => {
    const response = await api.register({ email: uniqueEmail(), password: "SecurePass123" });
    expect(response.status).toBe(201);
  });

  it("answers 409 EMAIL_TAKEN for an existing address in any letter case", async () => {
    const email = uniqueEmail();
    expect((await api.register({ email, password: strongPassword() })).status).toBe(201);
    const again = await api.register({ email: email.toUpperCase(), password: strongPassword() });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ message: "An account with this email address already exists", code: "EMAIL_TAKEN" });
  });

  it("of concurrent registrations of one address, exactly one succeeds", async () => {
    const email = uniqueEmail("race");
    const responses = await Promise.all(Array.from({ length: 8 }, () => api.register({ email, password: strongPassword() })));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
  });

  it.each([
    ["absent", {}],
    ["empty", { email: "", password: "" }],
    ["null", { email: null, password: null }],
  ])("answers MISSING_PARAMETERS naming both fields when they are %s", async (_label, body) => {
    const response = await api.register(body);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe("MISSING_PARAMETERS");
    expect(response.body.message).toBe("Missing One or More Required Parameters");
    expect(Object.keys(response.body.errors).sort()).toEqual(["email", "password"]);
  });

  it("answers INVALID_PARAMETERS saying what was expected for fields of the wrong type ({\"email\": 5})", async () => {
    const response = await api.register({ email: 5, password: ["x"] });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      message: "Invalid parameters",
      code: "INVALID_PARAMETERS",
      errors: { email: ["Expected text, got a number"], password: ["Expected text, got a list"] },
    });
  });

  it("answers INVALID_PARAMETERS for an address that is not an email", async () => {
    const response = await api.register({ email: "not-an-email", password: strongPassword() });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe("INVALID_PARAMETERS");
    expect(response.body.errors.email).toEqual(["Enter a valid email address"]);
  });

  it.each([
    ["too short", () => "short1!", "Use at least 8 characters"],
    ["too long", () => "x".repeat(129), "Use at most 128 characters"],
    ["a common password", () => "password123", "This is a commonly used password; choose another"],
    ["the email's local part", (local: string) => local, "Do not use your email address as your password"],
    ["the user's name", () => "Grace Hopper", "Do not use your name as your password"],
  ])("answers WEAK_PASSWORD when the password is %s, and creates nothing", async (_label, password, reason) => {
    const email = uniqueEmail("policy");
    const response = await api.register({ email, password: password(email.split("@")[0]!), name: "Grace Hopper" });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: "WEAK_PASSWORD", message: "Password does not meet the requirements" });
    expect(response.body.errors.password).toContain(reason);
    expect((await api.register({ email, password: strongPassword() })).status).toBe(201);
  });

  it("counts characters after NFKC normalisation, not bytes", async () => {
    // Eight full-width letters: 24 bytes in UTF-8, eight characters.
    const response = await api.register({ email: uniqueEmail(), password: "ｚｑｘｊｋｖｂｗ" });
    expect(response.status).toBe(201);
  });

  it("ignores unknown fields and never echoes them", async () => {
    const response = await api.register({ email: uniqueEmail(), password: strongPassword(), isAdmin: true, marker: "echo-me" });
    expect(response.status).toBe(201);
    expect(response.text).not.toContain("echo-me");
    expect(response.text).not.toContain("isAdmin");
  });
});
