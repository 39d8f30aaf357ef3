// Seed 003: Zitadel's `PUT /auth/v1/users/me/password`, answered in Zitadel's own shapes: the
// seed's curl example runs unchanged, errors carry Zitadel's ids and texts where it has them.
import { describe, expect, inject, it } from "vitest";
import { waitForMail } from "../support/mailbox";
import { apiClient, backends, bearer, browserSessionCookie, cookiePair, signedUpUser, strongPassword, uniqueEmail, type RequestOptions } from "./client";

const mailDir = inject("mailDir");
const PATH = "/auth/v1/users/me/password";
const DETAIL_TYPE = "type.googleapis.com/zitadel.v1.ErrorDetail";

/** grpc-gateway's error body as Zitadel writes it: "<text> (<id>)" and one ErrorDetail. */
const zitadelError = (code: number, id: string, text: string) => ({
  code,
  message: `${text} (${id})`,
  details: [{ "@type": DETAIL_TYPE, id, message: text }],
});

describe.each(backends)("PUT /auth/v1/users/me/password (seed 003, Zitadel) on $name", ({ url }) => {
  const api = apiClient(url);
  const put = (body: unknown, options: RequestOptions = {}) => api.request("PUT", PATH, body, options);

  it("runs the seed's curl example unchanged: 200 with details, the new password works, other sessions end", async () => {
    const email = uniqueEmail();
    expect((await api.register({ email, password: "MyOldPassword12!" })).status).toBe(201);
    const { token } = (await api.login({ email, password: "MyOldPassword12!" })).body as { token: string };
    const otherToken = (await api.login({ email, password: "MyOldPassword12!" })).body.token as string;
    const before = Date.now();

    const response = await put(
      { oldPassword: "MyOldPassword12!", newPassword: "MyNewPassword12!" },
      // The curl example's headers (names are case-insensitive; the client's own content-type is this one).
      { headers: { "content-type": "application/json", accept: "application/json", authorization: `Bearer ${token}` } },
    );

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      details: {
        sequence: "2",
        creationDate: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        changeDate: expect.any(String),
        resourceOwner: expect.stringMatching(/^\d+$/),
      },
    });
    const { creationDate, changeDate } = response.body.details;
    expect(changeDate).toBe(creationDate);
    expect(new Date(changeDate).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect((await api.login({ email, password: "MyNewPassword12!" })).status).toBe(200);
    expect((await api.login({ email, password: "MyOldPassword12!" })).status).toBe(401);
    expect((await api.check({ headers: bearer(otherToken) })).status).toBe(401);
    expect((await api.check({ headers: bearer(token) })).status).toBe(200);
    await waitForMail(mailDir, { to: email, subject: "Your password was changed", after: before - 1000 });
  });

  it("counts every change in sequence, and answers one resourceOwner for every account", async () => {
    const first = await signedUpUser(api);
    const second = await signedUpUser(api);
    const sequences: string[] = [];
    let password = first.password;
    for (let i = 0; i < 3; i++) {
      const newPassword = strongPassword();
      const response = await put({ oldPassword: password, newPassword }, { headers: bearer(first.token) });
      expect(response.status).toBe(200);
      sequences.push(response.body.details.sequence);
      password = newPassword;
    }
    expect(sequences).toEqual(["2", "3", "4"]);
    const other = await put({ oldPassword: second.password, newPassword: strongPassword() }, { headers: bearer(second.token) });
    expect(other.body.details.sequence).toBe("2");
    expect(other.body.details.resourceOwner).toBe((await put({ oldPassword: password, newPassword: strongPassword() }, { headers: bearer(first.token) })).body.details.resourceOwner);
  });

  it("counts a v1 change in the same sequence", async () => {
    const { password, token } = await signedUpUser(api);
    const newPassword = strongPassword();
    expect((await api.changePassword({ oldPassword: password, newPassword }, { headers: bearer(token) })).status).toBe(200);
    const response = await put({ oldPassword: newPassword, newPassword: strongPassword() }, { headers: bearer(token) });
    expect(response.body.details.sequence).toBe("3");
  });

  it("answers a wrong old password with Zitadel's COMMAND-3M0fs and changes nothing", async () => {
    const { email, password, token } = await signedUpUser(api);
    const response = await put({ oldPassword: strongPassword(), newPassword: strongPassword() }, { headers: bearer(token) });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(zitadelError(3, "COMMAND-3M0fs", "Password is invalid"));
    expect((await api.login({ email, password })).status).toBe(200);
  });

  it.each([
    ["an empty old password", (password: string) => ({ oldPassword: "", newPassword: password })],
    ["no new password", (password: string) => ({ oldPassword: password })],
  ])("answers %s with Zitadel's Errors.User.Password.Empty", async (_what, body) => {
    const { password, token } = await signedUpUser(api);
    const response = await put(body(password), { headers: bearer(token) });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(zitadelError(3, "COMMAND-3M0fs", "Password is empty"));
  });

  it("answers the same password with Zitadel's FailedPrecondition COMMAND-Aesh5 (HTTP 400)", async () => {
    const { password, token } = await signedUpUser(api);
    const response = await put({ oldPassword: password, newPassword: password }, { headers: bearer(token) });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(zitadelError(9, "COMMAND-Aesh5", "New password cannot be the same as your current password"));
  });

  it("answers a short password with Zitadel's complexity policy id, a common one with the portal's, naming the rule", async () => {
    const { password, token } = await signedUpUser(api);
    const short = await put({ oldPassword: password, newPassword: "Ab1!" }, { headers: bearer(token) });
    expect(short.status).toBe(400);
    expect(short.body).toEqual(zitadelError(3, "DOMAIN-HuJf6", "Password is too short"));
    const common = await put({ oldPassword: password, newPassword: "password123" }, { headers: bearer(token) });
    expect(common.status).toBe(400);
    expect(common.body).toEqual(
      zitadelError(3, "PORTAL-WEAK_PASSWORD", "Password does not meet the requirements: This is a commonly used password; choose another"),
    );
  });

  it("answers a missing, malformed or dead token with Zitadel's AUTH-7fs1e (401, code 16)", async () => {
    const { password, cookie } = await signedUpUser(api);
    const body = { oldPassword: password, newPassword: strongPassword() };
    const credentials: Array<Record<string, string>> = [{}, { authorization: "Basic abc" }, bearer("cxp_not-a-token"), { cookie: cookiePair(cookie) }];
    for (const headers of credentials) {
      const response = await put(body, { headers });
      expect(response.status, JSON.stringify(headers)).toBe(401);
      expect(response.body).toEqual(zitadelError(16, "AUTH-7fs1e", "Token is invalid"));
    }
  });

  it("does not take a browser session: the seed's clients send a Bearer token", async () => {
    const { email, password } = await signedUpUser(api);
    const browser = await browserSessionCookie(url, email, password);
    const response = await put({ oldPassword: password, newPassword: strongPassword() }, { headers: { cookie: browser } });
    expect(response.status).toBe(401);
    expect((await api.login({ email, password })).status).toBe(200);
  });

  it.each(["application/grpc", "application/grpc-web+proto"])("refuses %s with 415 in Zitadel's shape (gRPC is not served)", async (contentType) => {
    const { token } = await signedUpUser(api);
    const response = await api.request("PUT", PATH, undefined, {
      // A gRPC frame: no compression, length 4, a protobuf string field.
      raw: "\u0000\u0000\u0000\u0000\u0004\n\u0002hi",
      headers: { ...bearer(token), "content-type": contentType },
    });
    expect(response.status).toBe(415);
    expect(response.body).toEqual(
      zitadelError(3, "PORTAL-UNSUPPORTED_MEDIA_TYPE", "Only application/json is served here; gRPC and gRPC-Web are not"),
    );
  });

  it("answers malformed JSON and wrong types in the same shape, naming the field", async () => {
    const { token } = await signedUpUser(api);
    const malformed = await api.request("PUT", PATH, undefined, { raw: "{", headers: bearer(token) });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual(zitadelError(3, "PORTAL-MALFORMED_JSON", "Malformed JSON body"));
    const wrongType = await put({ oldPassword: 5, newPassword: "x".repeat(20) }, { headers: bearer(token) });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body).toEqual(zitadelError(3, "PORTAL-INVALID_PARAMETERS", "Invalid parameters: oldPassword: Expected text, got a number"));
  });

  it("answers a method the path lacks like grpc-gateway: 405, UNIMPLEMENTED (12), with Allow", async () => {
    const response = await api.request("GET", PATH);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("PUT, OPTIONS");
    expect(response.body).toEqual(zitadelError(12, "PORTAL-METHOD_NOT_ALLOWED", "Method Not Allowed"));
  });
});
