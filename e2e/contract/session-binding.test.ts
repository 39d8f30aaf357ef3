// Sessions are bound to the credentials they were opened with (issue 9, item 8): a sign-in whose
// password check straddles a password change or reset must not keep a live session. Run on
// every backend; the race only shows on PostgreSQL, whose queries run side by side.
import { describe, expect, it } from "vitest";
import { apiClient, backends, bearer, cookiePair, signedUpUser, strongPassword, type ApiResponse } from "./client";
import { completeReset, confirm, requestReset } from "./reset-helpers";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Logins with `password`, one every `everyMs`, while `change` runs; all of them settled. */
async function loginsDuring(api: ReturnType<typeof apiClient>, email: string, password: string, change: () => Promise<ApiResponse>) {
  const logins: Array<Promise<ApiResponse>> = [];
  const changed = change();
  let done = false;
  void changed.finally(() => (done = true));
  // Start before the change commits and keep going a little after it.
  for (let index = 0; index < 40 && (!done || index < 4); index += 1) {
    logins.push(api.login({ email, password }));
    await pause(15);
  }
  return { changed: await changed, logins: await Promise.all(logins) };
}

describe.each(backends)("sessions bound to their credentials on $name", ({ url }) => {
  const api = apiClient(url);

  it("no token from a sign-in with the old password outlives a password change that raced it", async () => {
    for (let round = 0; round < 3; round += 1) {
      const { email, password, token } = await signedUpUser(api);
      const newPassword = strongPassword();
      const { changed, logins } = await loginsDuring(api, email, password, () =>
        api.changePassword({ oldPassword: password, newPassword }, { headers: bearer(token) }),
      );
      expect(changed.status).toBe(200);
      const issued = logins.filter((login) => login.status === 200).map((login) => login.body.token as string);
      for (const login of logins) expect([200, 401]).toContain(login.status);
      const live = [];
      for (const oldToken of issued) if ((await api.check({ headers: bearer(oldToken) })).status === 200) live.push(oldToken);
      expect(live, `round ${round}: ${issued.length} tokens issued during the change`).toEqual([]);
      // The caller's own session carries over; the new password works.
      expect((await api.check({ headers: bearer(token) })).status).toBe(200);
      expect((await api.login({ email, password: newPassword })).status).toBe(200);
    }
  });

  it("a session that carried over a change (revokeOtherSessions: false) keeps working; so does the caller's", async () => {
    const { email, password, token } = await signedUpUser(api);
    const other = (await api.login({ email, password })).body.token as string;
    const changed = await api.changePassword({ oldPassword: password, newPassword: strongPassword(), revokeOtherSessions: false }, { headers: bearer(token) });
    expect(changed.status).toBe(200);
    expect((await api.check({ headers: bearer(token) })).status).toBe(200);
    expect((await api.check({ headers: bearer(other) })).status).toBe(200);
  });

  it("no token from a sign-in with the old password outlives a password reset that raced it", async () => {
    const { email, password } = await signedUpUser(api);
    const { code } = await requestReset(api, email);
    const cookie = cookiePair((await confirm(api, { resetToken: code, email })).headers.get("set-cookie")!);
    const { changed, logins } = await loginsDuring(api, email, password, () => completeReset(api, { email, password: strongPassword() }, cookie));
    expect(changed.status).toBe(200);
    for (const login of logins.filter((candidate) => candidate.status === 200)) {
      expect((await api.check({ headers: bearer(login.body.token as string) })).status).toBe(401);
    }
  });
});
