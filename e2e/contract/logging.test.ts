import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { apiClient, backends, bearer, strongPassword, uniqueEmail } from "./client";

/** pino writes asynchronously; give the server a moment to flush. */
async function serverLog(logFile: string, mustContain: string[]): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const log = readFileSync(logFile, "utf8");
    if (mustContain.every((needle) => log.includes(needle))) return log;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return readFileSync(logFile, "utf8");
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

    const requestIds = responses.map((response) => response.headers.get("x-request-id")!);
    const log = await serverLog(logFile, requestIds);

    for (const requestId of requestIds) {
      const lines = log.split("\n").filter((line) => line.includes(requestId) && line.includes('"msg":"request"'));
      expect(lines, `one request line for ${requestId}`).toHaveLength(1);
    }
    for (const secret of [password, wrongPassword, "password123", login.body.token, rotated.body.token]) {
      expect(log).not.toContain(secret);
    }
    // No token or hash of any test, whoever made it.
    expect(log).not.toMatch(/cxp_[A-Za-z0-9_-]{10}/);
    expect(log).not.toMatch(/\$bcrypt-sha256\$|\$2[aby]\$\d\d\$/);
  });
});
