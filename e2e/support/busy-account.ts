import { randomBytes, randomUUID } from "node:crypto";
import { expect, request, type Page } from "@playwright/test";
import { signUp } from "../fixtures";

/** Clients whose sign-ins fill the sessions list, each named by a different User-Agent. */
export const OTHER_CLIENTS = [
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0",
  "curl/8.7.1",
];

/**
 * The widest content a real person brings: a 64-character local part on a long domain, an
 * application with a long name, several sessions and some security activity.
 */
export function longCredentials() {
  const id = randomUUID().replaceAll("-", "");
  return {
    name: "Playwright Pat",
    email: `e2e-${id}-with-a-rather-long-mailbox-name`.slice(0, 64) + "@accounts.subsidiary.example-organisation-international.com",
    password: `Harbor-${randomBytes(6).toString("base64url")}-lights`,
  };
}

export const LONG_APPLICATION_NAME = "Acme Customer Relationship Management Production Integration";

/** Signs up in `page`, then adds API sessions, a failed sign-in, and an API key. Returns the account. */
export async function signUpBusyAccount(page: Page, baseURL: string | undefined) {
  const account = longCredentials();
  await signUp(page, account);
  // A separate request context: the API's login sets cookies that would otherwise land in this browser.
  const api = await request.newContext({ baseURL });
  for (const userAgent of OTHER_CLIENTS) {
    const login = await api.post("/api/v1/user/login", { data: { email: account.email, password: account.password }, headers: { "user-agent": userAgent } });
    expect(login.status()).toBe(200);
  }
  const failed = await api.post("/api/v1/user/login", { data: { email: account.email, password: `${account.password}-not-it` } });
  expect(failed.status()).toBe(401);
  await api.dispose();

  const keys = page.getByRole("region", { name: "Apps with API access" });
  await keys.getByLabel("Application name").fill(LONG_APPLICATION_NAME);
  await keys.getByRole("button", { name: "Create key" }).click();
  await keys.getByRole("button", { name: "Done" }).click();
  await expect(keys.getByTestId("api-keys").getByRole("listitem")).toHaveCount(1);
  return { account, sessionCount: OTHER_CLIENTS.length + 1 };
}
