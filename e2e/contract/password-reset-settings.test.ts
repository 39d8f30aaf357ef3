import { describe, expect, inject, it } from "vitest";
import { apiClient, signedUpUser, strongPassword, uniqueEmail } from "./client";
import { movableClock } from "./movable-clock";
import { completeReset, confirm, requestReset } from "./reset-helpers";

describe("legacy settings (PASSWORD_RESET_REVEAL_UNKNOWN_EMAIL=true, PASSWORD_RESET_REQUIRE_PROOF=false)", () => {
  const api = apiClient(inject("legacyResetUrl"));

  it("answers an unknown email with 404 NO_ACCOUNT, as the gateway documents", async () => {
    const response = await api.request("POST", "/api/v1/user/forgot-password", { email: uniqueEmail("nobody") });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ message: "No Account found with this email address", code: "NO_ACCOUNT" });
  });

  it("completes a confirmed reset with email and password alone", async () => {
    const { email } = await signedUpUser(api);
    const { code } = await requestReset(api, email);
    await confirm(api, { resetToken: code, email });
    const newPassword = strongPassword();
    expect((await completeReset(api, { email, password: newPassword })).status).toBe(200);
    expect((await api.login({ email, password: newPassword })).status).toBe(200);
  });

  it("still refuses an unconfirmed reset, and an unknown email gets NO_ACCOUNT", async () => {
    const { email } = await signedUpUser(api);
    await requestReset(api, email);
    expect((await completeReset(api, { email, password: strongPassword() })).body.code).toBe("INVALID_REQUEST");
    expect((await completeReset(api, { email: uniqueEmail("nobody"), password: strongPassword() })).body.code).toBe("NO_ACCOUNT");
  });
});

describe("reset deadlines (the server's clock is moved, nobody sleeps)", () => {
  const { url, clockFile } = inject("clockServer");
  const api = apiClient(url);
  const clock = movableClock(clockFile);
  /** Later tests start where earlier ones left the clock; it only moves forward. */
  const advance = (minutes: number) => clock.advance(minutes * 60_000);

  it("a code is good for 10 minutes after it was sent, and no longer", async () => {
    // Two resets sent together: confirming one uses it, so each side of the deadline gets its own.
    const [early, late] = [await signedUpUser(api), await signedUpUser(api)];
    const [earlyReset, lateReset] = [await requestReset(api, early.email), await requestReset(api, late.email)];
    advance(9.5);
    expect((await confirm(api, { resetToken: earlyReset.code, email: early.email })).body).toEqual({ message: "OTP confirmed", email: early.email });
    advance(1);
    expect((await confirm(api, { resetToken: lateReset.code, email: late.email })).body.code).toBe("INVALID_OTP");
  });

  it("a confirmation is good for 15 minutes", async () => {
    const { email } = await signedUpUser(api);
    const { code } = await requestReset(api, email);
    await confirm(api, { resetToken: code, email });
    advance(14);
    const { body } = await completeReset(api, { email, password: strongPassword(), resetToken: code });
    expect(body.code).not.toBe("INVALID_REQUEST");
    expect(body).toEqual({ message: "Password reset successfully" });
  });

  it("a confirmation older than 15 minutes is refused", async () => {
    const { email } = await signedUpUser(api);
    const { code, token } = await requestReset(api, email);
    await confirm(api, { resetToken: code, email });
    advance(15.5);
    expect((await completeReset(api, { email, password: strongPassword(), resetToken: token })).body.code).toBe("INVALID_REQUEST");
  });

  it("a new request after the 60-second window replaces the previous code", async () => {
    const { email } = await signedUpUser(api);
    const first = await requestReset(api, email);
    advance(1.1);
    const second = await requestReset(api, email);
    expect((await confirm(api, { resetToken: first.code === second.code ? "000000" : first.code, email })).body.code).toBe("INVALID_OTP");
    expect((await confirm(api, { resetToken: second.code, email })).status).toBe(200);
  });
});
