// The five-try lock on reset codes over HTTP, and against an attacker who burns codes to stop the
// owner (issue 9, item 4). How many guesses a burst gets compared is counted in-process, on
// PGlite and PostgreSQL, by lib/server/services/reset-code-race*.test.ts: over HTTP, which of
// several overlapping requests a server takes first cannot be known.
import { describe, expect, it } from "vitest";
import { apiClient, backends, cookiePair, signedUpUser, strongPassword } from "./client";
import { completeReset, confirm, requestReset } from "./reset-helpers";

/** `count` codes, all wrong for `code`. */
function wrongCodes(code: string, count = 10): string[] {
  return Array.from({ length: count }, (_, index) => String((Number(code) + 1 + index * 7919) % 1_000_000).padStart(6, "0"));
}

describe.each(backends)("reset code lock on $name", ({ url }) => {
  const api = apiClient(url);

  it("a burst of wrong codes locks the code for confirm and completion alike, and the link still works", async () => {
    const { email, password } = await signedUpUser(api);
    const { code, token } = await requestReset(api, email);
    const responses = await Promise.all(wrongCodes(code, 20).map((guess) => confirm(api, { resetToken: guess, email })));
    for (const response of responses) expect(response.body).toEqual({ message: "Invalid OTP", code: "INVALID_OTP" });
    expect((await confirm(api, { resetToken: code, email })).body.code).toBe("INVALID_OTP");
    expect((await confirm(api, { resetToken: token })).status).toBe(200);
    expect((await completeReset(api, { email, password: strongPassword(), resetToken: code })).body.code).toBe("INVALID_REQUEST");
    expect((await api.login({ email, password })).status).toBe(200);
  });

  it("counts only wrong codes: four wrong, then the right one, still confirms and completes", async () => {
    const { email } = await signedUpUser(api);
    const { code } = await requestReset(api, email);
    for (const guess of wrongCodes(code, 4)) expect((await confirm(api, { resetToken: guess, email })).status).toBe(400);
    expect((await confirm(api, { resetToken: code, email })).status).toBe(200);
    expect((await completeReset(api, { email, password: strongPassword(), resetToken: code })).status).toBe(200);
  });

  it("five wrong codes lock the code, not the emailed link: the owner still resets by link", async () => {
    const { email, password } = await signedUpUser(api);
    const { code, token } = await requestReset(api, email);
    for (const guess of wrongCodes(code, 5)) expect((await confirm(api, { resetToken: guess, email })).status).toBe(400);
    expect((await confirm(api, { resetToken: code, email })).body.code).toBe("INVALID_OTP");

    const confirmed = await confirm(api, { resetToken: token });
    expect(confirmed.body).toEqual({ message: "OTP confirmed", email });
    const newPassword = strongPassword();
    const cookie = cookiePair(confirmed.headers.get("set-cookie")!);
    expect((await completeReset(api, { email, password: newPassword }, cookie)).status).toBe(200);
    expect((await api.login({ email, password })).status).toBe(401);
    expect((await api.login({ email, password: newPassword })).status).toBe(200);
  });
});
