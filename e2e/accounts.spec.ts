import { expect, test } from "@playwright/test";
import { newCredentials, signIn, signUp } from "./fixtures";

test("sign up, sign out, sign in again and land on the account page", async ({ page }) => {
  const account = newCredentials();
  await signUp(page, account);
  await expect(page.getByRole("heading", { name: "Account settings" })).toBeVisible();
  await expect(page.getByTestId("account-email")).toHaveText(account.email);

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/sign-in**");
  await page.goto("/account");
  await page.waitForURL("**/sign-in?callbackUrl=%2Faccount");

  await signIn(page, account.email, account.password);
  await page.waitForURL("**/account");
  await expect(page.getByTestId("account-email")).toHaveText(account.email);
});

test("a wrong password shows an announced error and keeps the visitor on sign-in", async ({ page }) => {
  const account = newCredentials();
  await signUp(page, account);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/sign-in**");

  await signIn(page, account.email, `${account.password}-wrong`);
  await expect(page.getByRole("alert").filter({ hasText: "Invalid email or password" })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("the account page sends anonymous visitors to sign in and brings them back", async ({ page }) => {
  const account = newCredentials();
  await signUp(page, account);
  await page.context().clearCookies();

  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
  await signIn(page, account.email, account.password);
  await page.waitForURL("**/account");
});

test("a session revoked on the server is signed out at its next page load", async ({ page }) => {
  const account = newCredentials();
  await signUp(page, account);
  // The browser's own session cookie authenticates the API call, which revokes its Session row.
  const response = await page.request.post("/api/v1/user/logout");
  expect(response.status()).toBe(200);

  await page.reload();
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
});

test("sign-in works from the keyboard alone", async ({ page }) => {
  const account = newCredentials();
  await signUp(page, account);
  await page.context().clearCookies();
  await page.goto("/sign-in");

  await page.getByLabel("Email").focus();
  await page.keyboard.type(account.email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(account.password);
  await page.keyboard.press("Enter");
  await page.waitForURL("**/account");
});

test("sign-up shows the server's reason when the email is taken", async ({ page }) => {
  const account = newCredentials();
  await signUp(page, account);
  await page.context().clearCookies();

  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill("another-harbor-phrase");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists. Sign in instead?")).toBeVisible();
});

test("sign-up starts fetching the common-password list when the password field takes focus, not at submit", async ({ page }) => {
  const account = newCredentials();
  await page.goto("/sign-up");
  // The strength meter's trimmed list (lib/password-strength), which the browser's policy check reads.
  const commonPasswords = page.waitForResponse(
    async (response) => response.request().resourceType() === "script" && /qwerty[\s\S]*iloveyou/.test(await response.text()),
    { timeout: 15_000 },
  );
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password", { exact: true }).focus();
  await commonPasswords;
  await page.keyboard.type(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("**/account");
});

test("after 10 attempts for one email, sign-in says to wait, even with the right password", async ({ page, request }) => {
  const account = newCredentials();
  await signUp(page, account);
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/sign-in**");

  // Sign-up signed in once (attempt 1); nine wrong passwords make ten.
  for (let i = 0; i < 9; i++) {
    const response = await request.post("/api/v1/user/login", { data: { email: account.email, password: `${account.password}-wrong` } });
    expect(response.status()).toBe(401);
  }
  await signIn(page, account.email, account.password);
  await expect(page.getByRole("alert").filter({ hasText: "Too many attempts. Wait a few minutes, then try again." })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test.describe("before the page's JavaScript runs", () => {
  test.use({ javaScriptEnabled: false });

  test("a submitted sign-up or sign-in form never puts the password in the address", async ({ page }) => {
    const secret = `no-script-${Date.now()}-Secret`;
    for (const path of ["/sign-up", "/sign-in"]) {
      await page.goto(path);
      await page.getByLabel("Email").fill("someone@example.com");
      await page.locator('input[type="password"]').first().fill(secret);
      await page.locator('input[type="password"]').first().press("Enter");
      await page.waitForLoadState();
      expect(page.url(), path).not.toContain(secret);
      expect(page.url(), path).not.toContain("password=");
    }
  });
});
