import { readFileSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { apiClient, backends, bearer, cookiePair, signedUpUser, strongPassword, uniqueEmail, type ApiResponse } from "./client";
import { completeReset, confirm, requestReset } from "./reset-helpers";

/** pino writes asynchronously; give the server a moment to flush. */
async function serverLog(logFile: string, mustContain: string[]): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const log = readFileSync(logFile, "utf8");
    if (mustContain.every((needle) => log.includes(needle))) return log;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return readFileSync(logFile, "utf8");
}

function expectOneRequestLineEach(log: string, responses: ApiResponse[]) {
  for (const requestId of responses.map((response) => response.headers.get("x-request-id")!)) {
    const lines = log.split("\n").filter((line) => line.includes(requestId) && line.includes('"msg":"request"'));
    expect(lines, `one request line for ${requestId}`).toHaveLength(1);
  }
}

/** The value of the passwordReset cookie a confirmation set. */
function proofOf(confirmation: ApiResponse): string {
  const pair = cookiePair(confirmation.headers.get("set-cookie") ?? "");
  expect(pair).toMatch(/^passwordReset=[A-Za-z0-9_-]{43}$/);
  return pair.slice("passwordReset=".length);
}

describe.each(backends)("the server log on $name", ({ url, logFile }) => {
  const api = apiClient(url);

  it("has one line per request and never a password, hash or token", async () => {
    const email = uniqueEmail("logged");
    const password = strongPassword();
    const wrongPassword = strongPassword();
    const responses = [
      await api.register({ email, password, name: "Logged Larry" }),
      await api.register({ email: uniqueEmail(), password: "password123" }),
      await api.login({ email, password: wrongPassword }),
    ];
    const login = await api.login({ email, password });
    const rotated = await api.check({ headers: bearer(login.body.token) });
    responses.push(login, rotated, await api.logout({ headers: bearer(rotated.body.token) }));

    const log = await serverLog(logFile, responses.map((response) => response.headers.get("x-request-id")!));
    expectOneRequestLineEach(log, responses);
    for (const secret of [password, wrongPassword, "password123", login.body.token, rotated.body.token]) {
      expect(log).not.toContain(secret);
    }
    // No token or hash of any test, whoever made it.
    expect(log).not.toMatch(/cxp_[A-Za-z0-9_-]{10}/);
    expect(log).not.toMatch(/\$bcrypt-sha256\$|\$2[aby]\$\d\d\$/);
  });

  it("never has a reset code, link token, confirmation cookie or the new password, through a whole reset by code and by link", async () => {
    const logStart = statSync(logFile).size;
    const byCode = await signedUpUser(api);
    const byLink = await signedUpUser(api);
    const [newByCode, newByLink] = [strongPassword(), strongPassword()];

    const codeReset = await requestReset(api, byCode.email);
    const codeConfirmed = await confirm(api, { resetToken: codeReset.code, email: byCode.email });
    const codeCompleted = await completeReset(api, { email: byCode.email, password: newByCode }, cookiePair(codeConfirmed.headers.get("set-cookie")!));
    const linkReset = await requestReset(api, byLink.email);
    const linkConfirmed = await confirm(api, { resetToken: linkReset.token });
    const linkCompleted = await completeReset(api, { email: byLink.email, password: newByLink, resetToken: linkReset.token });
    const responses = [codeConfirmed, codeCompleted, linkConfirmed, linkCompleted];
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200]);
    expect((await api.login({ email: byCode.email, password: newByCode })).status).toBe(200);

    const whole = await serverLog(logFile, responses.map((response) => response.headers.get("x-request-id")!));
    const log = Buffer.from(whole).subarray(logStart).toString("utf8");
    expectOneRequestLineEach(log, responses);
    // Soft: a failure lists every kind of secret that leaked, not only the first.
    const secrets = {
      "link token (code reset)": codeReset.token,
      "link token (link reset)": linkReset.token,
      "confirmation cookie (code reset)": proofOf(codeConfirmed),
      "confirmation cookie (link reset)": proofOf(linkConfirmed),
      "new password (code reset)": newByCode,
      "new password (link reset)": newByLink,
    };
    for (const [label, secret] of Object.entries(secrets)) expect.soft(log, label).not.toContain(secret);
    // Six digits could sit inside a timestamp or an id by chance; a logged code stands alone.
    for (const code of [codeReset.code, linkReset.code]) {
      expect.soft(log, "reset code").not.toMatch(new RegExp(`(?<![0-9A-Za-z])${code}(?![0-9A-Za-z])`));
    }
  });
});
