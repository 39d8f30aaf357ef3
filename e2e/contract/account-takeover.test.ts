// An intruder who knew the password (and so could sign in) while the owner takes the account back:
// owner and intruder interleaved, each step over HTTP as either would do it (issue #15, items 1–3).
import { describe, expect, it } from "vitest";
import { apiClient, backends, bearer, browserSessionCookie, signedUpUser, strongPassword, uniqueEmail } from "./client";
import { CHANGE_REQUESTED_SUBJECT, CHANGED_SUBJECT, CONFIRM_NEW_SUBJECT, mailedSecrets, recovery } from "./email-helpers";
import { completeReset, confirm } from "./reset-helpers";

const UNDONE_SUBJECT = "Your email address change was undone";
const RESET_SUBJECT = "Your password reset code";

describe.each(backends)("an intruder who knew the password, on $name", ({ url }) => {
  const api = apiClient(url);
  const { changeEmail, confirmChange, revert } = recovery(api);

  /** The owner's account, and the intruder's own session on it (opened with the same password). */
  async function ownerAndIntruder() {
    const owner = await signedUpUser(api);
    const intruder = (await api.login({ email: owner.email, password: owner.password })).body.token as string;
    return { ...owner, intruder };
  }

  /** The intruder moves the account from `from` to a fresh address of its own, confirmed with the mailed code. */
  async function intruderMoves(session: string, password: string, from: string) {
    const to = uniqueEmail("intruder");
    const after = Date.now() - 1000;
    expect((await changeEmail({ newEmail: to, password }, { headers: bearer(session) })).status).toBe(202);
    const { code } = await mailedSecrets(to, CONFIRM_NEW_SUBJECT, after);
    expect((await confirmChange({ code }, { headers: bearer(session) })).status).toBe(200);
    const { token: undoToFrom } = await mailedSecrets(from, CHANGED_SUBJECT, after);
    return { to, undoToFrom: undoToFrom! };
  }

  /** Completes the reset whose code the revert mailed to `email`; returns the new password. */
  async function resetFromMail(email: string, after: number) {
    const { code } = await mailedSecrets(email, RESET_SUBJECT, after);
    const password = strongPassword();
    expect((await confirm(api, { email, resetToken: code })).status).toBe(200);
    expect((await completeReset(api, { email, password, resetToken: code })).status).toBe(200);
    return password;
  }

  const currentEmail = async (email: string, password: string) => {
    const login = await api.login({ email, password });
    expect(login.status).toBe(200);
    return (await api.check({ headers: bearer(login.body.token) })).body.email as string;
  };

  const signOutEverywhere = (token: string) => api.request("POST", "/api/v1/user/sessions/revoke-others", undefined, { headers: bearer(token) });
  const ownerSecures: Array<[string, (owner: { token: string; password: string }) => Promise<unknown>]> = [
    ["changes the password", (owner) => api.changePassword({ oldPassword: owner.password, newPassword: strongPassword() }, { headers: bearer(owner.token) })],
    ["signs out everywhere else", (owner) => signOutEverywhere(owner.token)],
  ];

  it.each(ownerSecures)("a pending email change ends when the owner %s: its link then answers INVALID_OTP", async (_, secure) => {
    const owner = await ownerAndIntruder();
    const target = uniqueEmail("intruder");
    const after = Date.now() - 1000;
    expect((await changeEmail({ newEmail: target, password: owner.password }, { headers: bearer(owner.intruder) })).status).toBe(202);
    const { token: link } = await mailedSecrets(target, CONFIRM_NEW_SUBJECT, after);
    const { token: cancel } = await mailedSecrets(owner.email, CHANGE_REQUESTED_SUBJECT, after);
    const secured = (await secure(owner)) as { status: number };
    expect(secured.status).toBe(200);
    expect((await api.check({ headers: bearer(owner.intruder) })).status).toBe(401);

    const confirmed = await confirmChange({ token: link });
    expect(confirmed.status).toBe(400);
    expect(confirmed.body.code).toBe("INVALID_OTP");
    // The cancel link of a change that no longer exists is spent too: it cannot end the owner's sessions.
    expect((await revert({ token: cancel })).body.code).toBe("INVALID_OTP");
    const ownerView = await api.check({ headers: bearer(owner.token) });
    expect(ownerView.status).toBe(200);
    expect(ownerView.body.email).toBe(owner.email);
  });

  it("the owner's undo ends the intruder's older undo link: after A→B→C, undo to A and a reset, B's link answers INVALID_OTP", async () => {
    const owner = await ownerAndIntruder();
    const first = await intruderMoves(owner.intruder, owner.password, owner.email);
    const second = await intruderMoves(owner.intruder, owner.password, first.to);

    const after = Date.now() - 1000;
    const undone = await revert({ token: first.undoToFrom });
    expect(undone.status).toBe(200);
    expect(undone.body.email).toBe(owner.email);
    // The address the undo left is told.
    expect((await mailedSecrets(second.to, UNDONE_SUBJECT, after)).mail.text).toContain(owner.email);
    const newPassword = await resetFromMail(owner.email, after);

    const intruderUndo = await revert({ token: second.undoToFrom });
    expect(intruderUndo.status).toBe(400);
    expect(intruderUndo.body.code).toBe("INVALID_OTP");
    expect(await currentEmail(owner.email, newPassword)).toBe(owner.email);
    expect((await api.login({ email: first.to, password: newPassword })).status).toBe(401);
  });

  it("the intruder's own undo link does not end the owner's older one: B's undo, then A's, and the account is the owner's", async () => {
    const owner = await ownerAndIntruder();
    const first = await intruderMoves(owner.intruder, owner.password, owner.email);
    const second = await intruderMoves(owner.intruder, owner.password, first.to);
    const own = await revert({ token: second.undoToFrom });
    expect(own.status).toBe(200);
    expect(own.body.email).toBe(first.to);

    const after = Date.now() - 1000;
    const undone = await revert({ token: first.undoToFrom });
    expect(undone.status).toBe(200);
    expect(undone.body.email).toBe(owner.email);
    const newPassword = await resetFromMail(owner.email, after);
    expect(await currentEmail(owner.email, newPassword)).toBe(owner.email);
  });

  it("the intruder's cancel of its own later change does not end the owner's undo link", async () => {
    const owner = await ownerAndIntruder();
    const first = await intruderMoves(owner.intruder, owner.password, owner.email);
    const after = Date.now() - 1000;
    expect((await changeEmail({ newEmail: uniqueEmail("intruder"), password: owner.password }, { headers: bearer(owner.intruder) })).status).toBe(202);
    const { token: cancel } = await mailedSecrets(first.to, CHANGE_REQUESTED_SUBJECT, after);
    expect((await revert({ token: cancel })).status).toBe(200);

    const undone = await revert({ token: first.undoToFrom });
    expect(undone.status).toBe(200);
    expect(undone.body.email).toBe(owner.email);
  });

  it("moving back to an address an undo link restores is that undo: the address left gets no undo link of its own", async () => {
    const owner = await ownerAndIntruder();
    const moved = await intruderMoves(owner.intruder, owner.password, owner.email);
    // The owner, who knows the password too, signs in at the intruder's address and moves the account home.
    const ownerAtB = (await api.login({ email: moved.to, password: owner.password })).body.token as string;
    const after = Date.now() - 1000;
    expect((await changeEmail({ newEmail: owner.email, password: owner.password }, { headers: bearer(ownerAtB) })).status).toBe(202);
    const { code } = await mailedSecrets(owner.email, CONFIRM_NEW_SUBJECT, after);
    expect((await confirmChange({ code }, { headers: bearer(ownerAtB) })).status).toBe(200);

    const toLeft = await mailedSecrets(moved.to, CHANGED_SUBJECT, after);
    expect(toLeft.mail.text).toContain(owner.email);
    expect(toLeft.token).toBeUndefined();
    expect((await revert({ token: moved.undoToFrom })).body.code).toBe("INVALID_OTP");
    expect((await api.check({ headers: bearer(ownerAtB) })).body.email).toBe(owner.email);
  });

  const reverts: Array<[string, (account: { email: string; password: string; intruder: string }) => Promise<string>]> = [
    ["an undo", async (account) => (await intruderMoves(account.intruder, account.password, account.email)).undoToFrom],
    [
      "a cancel",
      async (account) => {
        const after = Date.now() - 1000;
        await changeEmail({ newEmail: uniqueEmail("intruder"), password: account.password }, { headers: bearer(account.intruder) });
        return (await mailedSecrets(account.email, CHANGE_REQUESTED_SUBJECT, after)).token!;
      },
    ],
  ];

  it.each(reverts)("after %s the known password signs in nowhere, as a wrong one fails, until a reset", async (_, prepare) => {
    const owner = await ownerAndIntruder();
    const link = await prepare(owner);
    const after = Date.now() - 1000;
    expect((await revert({ token: link })).status).toBe(200);

    const wrong = await api.login({ email: owner.email, password: strongPassword() });
    const known = await api.login({ email: owner.email, password: owner.password });
    expect(known.status).toBe(401);
    expect(known.body).toEqual(wrong.body);
    expect(known.body.code).toBe("INVALID_CREDENTIALS");
    await expect(browserSessionCookie(url, owner.email, owner.password)).rejects.toThrow(/sign-in failed/);
    expect((await api.check({ headers: bearer(owner.intruder) })).status).toBe(401);

    // The password the intruder knew is no way back in either, even as the reset's new one.
    const { code } = await mailedSecrets(owner.email, RESET_SUBJECT, after);
    expect((await confirm(api, { email: owner.email, resetToken: code })).status).toBe(200);
    expect((await completeReset(api, { email: owner.email, password: owner.password, resetToken: code })).body.code).toBe("SAME_PASSWORD");
    const newPassword = strongPassword();
    expect((await completeReset(api, { email: owner.email, password: newPassword, resetToken: code })).status).toBe(200);
    expect((await api.login({ email: owner.email, password: newPassword })).status).toBe(200);
    expect((await api.login({ email: owner.email, password: owner.password })).status).toBe(401);
  });

  it("an undo racing the intruder's password change: the account ends at the owner's address, and neither password signs in", async () => {
    for (let round = 0; round < 3; round++) {
      const owner = await ownerAndIntruder();
      const moved = await intruderMoves(owner.intruder, owner.password, owner.email);
      const after = Date.now() - 1000;
      const intruderPassword = strongPassword();
      const [undone, changed] = await Promise.all([
        revert({ token: moved.undoToFrom }),
        api.changePassword({ oldPassword: owner.password, newPassword: intruderPassword }, { headers: bearer(owner.intruder) }),
      ]);
      expect(undone.status).toBe(200);
      expect([200, 400, 401]).toContain(changed.status);
      for (const email of [owner.email, moved.to]) {
        for (const password of [owner.password, intruderPassword]) expect((await api.login({ email, password })).status).toBe(401);
      }
      const newPassword = await resetFromMail(owner.email, after);
      expect(await currentEmail(owner.email, newPassword)).toBe(owner.email);
    }
  });
});
