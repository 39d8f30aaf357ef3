import { randomBytes, randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";

export function newCredentials() {
  return {
    name: "Playwright Pat",
    email: `e2e-${randomUUID()}@example.com`,
    password: `Harbor-${randomBytes(6).toString("base64url")}-lights`,
  };
}

export async function signUp(page: Page, account: ReturnType<typeof newCredentials>) {
  await page.goto("/sign-up");
  await page.getByLabel("Name (optional)").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("**/account");
}

export async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
