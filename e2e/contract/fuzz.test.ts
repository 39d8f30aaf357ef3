import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apiClient, backends, bearer, browserSessionCookie, signedUpUser } from "./client";

/** Any JSON at all, with the field names the endpoints know mixed in, and some very large values. */
const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: "grapheme", maxLength: 300 }),
  fc.string({ minLength: 1000, maxLength: 15_000 }),
  fc.constantFrom(null, true, false, 0, -1, 1e308, Number.MAX_SAFE_INTEGER, "", " ", "\u0000", "💥".repeat(200), "123456", "x".repeat(72)),
  fc.array(fc.string(), { maxLength: 5 }),
);
const knownField = fc.constantFrom("email", "password", "oldPassword", "newPassword", "name", "resetToken", "revokeOtherSessions", "__proto__", "constructor");
const hostileBody = fc.oneof(
  fc.dictionary(knownField, hostileValue, { maxKeys: 6 }).map((body) => JSON.stringify(body)),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 200 }),
);

const ENDPOINTS: Array<[string, string]> = [
  ["POST", "/api/v1/user/register"],
  ["POST", "/api/v1/user/login"],
  ["POST", "/api/v1/user/logout"],
  ["PATCH", "/api/v1/user/password"],
  ["POST", "/api/v1/user/forgot-password"],
  ["POST", "/api/v1/user/confirm-otp-reset"],
  ["POST", "/api/v1/user/password-reset"],
  ["POST", "/api/v1/user/sessions/revoke-others"],
];

describe.each(backends)("random input to every v1 endpoint on $name", ({ url }) => {
  const api = apiClient(url);

  it.each(ENDPOINTS)("%s %s never answers 5xx and never changes a password", async (method, path) => {
    const { email, password, token } = await signedUpUser(api);
    const browser = await browserSessionCookie(url, email, password);
    const auths: Array<Record<string, string>> = [{}, bearer(token), { cookie: browser }];

    await fc.assert(
      fc.asyncProperty(hostileBody, fc.nat(auths.length - 1), async (raw, authIndex) => {
        const response = await api.request(method, path, undefined, { raw, headers: auths[authIndex] });
        expect(response.status, `${method} ${path} with ${raw.slice(0, 200)}`).toBeLessThan(500);
        expect(typeof response.body.message).toBe("string");
      }),
      { numRuns: 40 },
    );

    // Whatever arrived, the account's password is what it was.
    expect((await api.login({ email, password })).status).toBe(200);
    const checked = await api.check({ headers: bearer((await api.login({ email, password })).body.token) });
    expect(checked.body.passwordChangedAt).toBeNull();
  }, 120_000);
});
