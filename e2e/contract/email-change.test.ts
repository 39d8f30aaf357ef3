import { describe, expect, it } from "vitest";
import { apiClient, backends, bearer, signedUpUser, strongPassword, uniqueEmail } from "./client";
import { CHANGE_REQUESTED_SUBJECT, CHANGED_SUBJECT, CONFIRM_NEW_SUBJECT, mailedSecrets, recovery, TAKEN_SUBJECT } from "./email-helpers";
import { completeReset, confirm, requestReset } from "./reset-helpers";

describe.each(backends)("changing the email on $name", ({ url }) => {
  const api = apiClient(url);
  const { changeEmail, confirmChange, revert } = recovery(api);

  /** A signed-in account with a change to a fresh address asked for, and what both addresses received. */
  async function pendingChange() {
    const account = await signedUpUser(api);
    const newEmail = uniqueEmail("new");
    const after = Date.now() - 1000;
    const response = await changeEmail({ newEmail, password: account.password }, { headers: bearer(account.token) });
    expect(response.status).toBe(202);
    const toNew = await mailedSecrets(newEmail, CONFIRM_NEW_SUBJECT, after);
    const toOld = await mailedSecrets(account.email, CHANGE_REQUESTED_SUBJECT, after);
    return { ...account, newEmail, code: toNew.code!, link: toNew.token!, cancel: toOld.token!, after };
  }

  it("refuses a wrong password with INCORRECT_PASSWORD", async () => {
    const { token } = await signedUpUser(api);
    const response = await changeEmail({ newEmail: uniqueEmail(), password: strongPassword() }, { headers: bearer(token) });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ message: "Incorrect password", code: "INCORRECT_PASSWORD" });
  });

  it("answers the same 202 for a free and a taken address; the taken one is told and gets no code", async () => {
    const { token, password } = await signedUpUser(api);
    const other = await signedUpUser(api);
    const after = Date.now() - 1000;
    const free = uniqueEmail("free");
    const freeAnswer = await changeEmail({ newEmail: free, password }, { headers: bearer(token) });
    const takenAnswer = await changeEmail({ newEmail: other.email, password }, { headers: bearer(token) });
    expect(freeAnswer.status).toBe(202);
    expect(takenAnswer.status).toBe(202);
    expect(freeAnswer.body).toEqual({ message: "Confirmation sent", pendingEmail: free });
    expect(takenAnswer.body).toEqual({ message: "Confirmation sent", pendingEmail: other.email });
    const told = await mailedSecrets(other.email, TAKEN_SUBJECT, after);
    expect(told.code).toBeUndefined();
    expect(told.token).toBeUndefined();
  });

  it("confirms with the code: the address moves, other sessions end, the caller's stays, and the old address gets an undo link", async () => {
    const { email, password, token, newEmail, code } = await pendingChange();
    const other = (await api.login({ email, password })).body.token as string;
    const response = await confirmChange({ code }, { headers: bearer(token) });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ message: "Email changed", email: newEmail });
    const caller = await api.check({ headers: bearer(token) });
    expect(caller.body).toMatchObject({ email: newEmail, emailVerified: true });
    expect((await api.check({ headers: bearer(other) })).status).toBe(401);
    expect((await api.login({ email, password })).status).toBe(401);
    expect((await api.login({ email: newEmail, password })).status).toBe(200);
    const undo = await mailedSecrets(email, CHANGED_SUBJECT, Date.now() - 5000);
    expect(undo.token).toBeDefined();
  });

  it("of two concurrent confirmations of one change (code and link), exactly one succeeds", async () => {
    const { token, password, code, link, newEmail } = await pendingChange();
    const answers = await Promise.all([confirmChange({ code }, { headers: bearer(token) }), confirmChange({ token: link })]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400]);
    expect(answers.find((answer) => answer.status === 400)!.body.code).toBe("INVALID_OTP");
    // (When the link wins, no session was the caller's, so the token is revoked too.)
    expect((await api.login({ email: newEmail, password })).status).toBe(200);
  });

  it("answers 409 EMAIL_TAKEN and changes nothing when the address was registered meanwhile", async () => {
    const { email, token, newEmail, link } = await pendingChange();
    expect((await api.register({ email: newEmail, password: strongPassword() })).status).toBe(201);
    const response = await confirmChange({ token: link });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe("EMAIL_TAKEN");
    expect((await api.check({ headers: bearer(token) })).body.email).toBe(email);
  });

  it("the undo link restores the old address, ends every session and the password, and mails a reset code to it", async () => {
    const { email, password, token, code, newEmail } = await pendingChange();
    expect((await confirmChange({ code }, { headers: bearer(token) })).status).toBe(200);
    const { token: undo } = await mailedSecrets(email, CHANGED_SUBJECT, Date.now() - 5000);
    const after = Date.now() - 1000;
    const response = await revert({ token: undo });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ message: "Email change undone", email });
    expect((await api.check({ headers: bearer(token) })).status).toBe(401);
    expect((await api.login({ email: newEmail, password })).status).toBe(401);
    // Whoever asked for the change knew the password: it signs in no more (see account-takeover.test.ts).
    expect((await api.login({ email, password })).status).toBe(401);
    const reset = await mailedSecrets(email, "Your password reset code", after);
    expect(reset.code).toMatch(/^\d{6}$/);
    const newPassword = strongPassword();
    expect((await confirm(api, { email, resetToken: reset.code })).status).toBe(200);
    expect((await completeReset(api, { email, password: newPassword, resetToken: reset.code })).status).toBe(200);
    const login = await api.login({ email, password: newPassword });
    expect(login.status).toBe(200);
    const events = (await api.securityEvents({ headers: bearer(login.body.token) })).body.events.map((event: { type: string }) => event.type);
    expect(events).toEqual(expect.arrayContaining(["email_change_requested", "email_changed", "email_change_reverted", "password_reset"]));
    expect((await revert({ token: undo })).body.code).toBe("INVALID_OTP");
  });

  it("the 'this wasn't me' link cancels a pending change, which can then not be confirmed", async () => {
    const { email, token, link, cancel } = await pendingChange();
    const response = await revert({ token: cancel });
    expect(response.body).toEqual({ message: "Email change undone", email });
    expect((await api.check({ headers: bearer(token) })).status).toBe(401);
    expect((await confirmChange({ token: link })).body.code).toBe("INVALID_OTP");
  });

  it("a change racing a reset mailed to the old address: no 5xx, and the account ends on one address with one password", async () => {
    for (let round = 0; round < 3; round++) {
      const { email, token, code, newEmail } = await pendingChange();
      const reset = await requestReset(api, email);
      expect((await confirm(api, { resetToken: reset.code, email })).status).toBe(200);
      const resetPassword = strongPassword();
      const [changed, completed] = await Promise.all([
        confirmChange({ code }, { headers: bearer(token) }),
        completeReset(api, { email, password: resetPassword, resetToken: reset.token }),
      ]);
      expect(changed.status).toBeLessThan(500);
      expect(completed.status).toBeLessThan(500);
      // Each ends the other (a confirmed change ends open resets, a reset ends pending changes): one wins.
      expect([changed.status, completed.status].filter((status) => status === 200)).toHaveLength(1);
      const finalEmail = changed.status === 200 ? newEmail : email;
      if (completed.status === 200) expect((await api.login({ email: finalEmail, password: resetPassword })).status).toBe(200);
      // A reset that lost to the change cannot be completed afterwards: its code went to the old address.
      if (changed.status === 200 && completed.status !== 200) {
        expect((await completeReset(api, { email: newEmail, password: strongPassword(), resetToken: reset.token })).status).toBe(400);
      }
    }
  });
});
