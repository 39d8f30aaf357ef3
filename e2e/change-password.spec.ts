import { expect, request, test } from "@playwright/test";
import { E2E_MAIL_DIR } from "./support/e2e-env";
import { waitForMail } from "./support/mailbox";
import { newCredentials, signIn, signUp } from "./fixtures";

test("changing the password signs out the other browser and API clients, keeps this one, and swaps the password", async ({
  browser,
  page,
  baseURL,
}) => {
  const account = newCredentials();
  const newPassword = "copper kettle morning drizzle";
  await signUp(page, account);

  // A second browser of the same person, and a third-party client with an API token.
  const otherContext = await browser.newContext();
  const otherPage = await otherContext.newPage();
  await otherPage.goto("/sign-in");
  await signIn(otherPage, account.email, account.password);
  await otherPage.waitForURL("**/account");
  const api = await request.newContext({ baseURL });
  const { token } = await (await api.post("/api/v1/user/login", { data: { email: account.email, password: account.password } })).json();

  const startedAt = Date.now() - 1000;
  await page.reload();
  await page.getByLabel("Current password").fill(account.password);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await expect(page.getByTestId("strength-meter")).toContainText(/Strength: (Strong|Very strong)/);
  await page.getByLabel("Confirm new password").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Password changed." })).toBeVisible();

  // This browser stays signed in; the other one and the API token do not.
  await page.reload();
  await expect(page.getByTestId("account-email")).toHaveText(account.email);
  await otherPage.reload();
  await expect(otherPage).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
  expect((await api.get("/api/v1/user/check", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);

  const mail = await waitForMail(E2E_MAIL_DIR, { to: account.email, subject: "Your password was changed", after: startedAt });
  expect(mail.text).toContain("/forgot-password");

  // The old password no longer works; the new one does.
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL("**/sign-in**");
  await signIn(page, account.email, account.password);
  await expect(page.getByRole("alert").filter({ hasText: "Invalid email or password" })).toBeVisible();
  await signIn(page, account.email, newPassword);
  await page.waitForURL("**/account");

  await otherContext.close();
  await api.dispose();
});

test("the form shows the server's verdict on the right field and changes nothing", async ({ page }) => {
  const account = newCredentials();
  await signUp(page, account);

  await page.getByLabel("Current password").fill(`${account.password}-not-it`);
  await page.getByLabel("New password", { exact: true }).fill("quiet lantern over the harbor");
  await page.getByLabel("Confirm new password").fill("quiet lantern over the harbor");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Incorrect old password")).toBeVisible();
  await expect(page.getByLabel("Current password")).toBeFocused();
  await expect(page.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("password-changed-at")).toHaveText("Never");
});

test("the form checks the confirmation and the policy before sending anything", async ({ page }) => {
  const account = newCredentials();
  await signUp(page, account);
  let sent = false;
  page.on("request", (request) => {
    if (request.url().endsWith("/api/v1/user/password")) sent = true;
  });

  await page.getByLabel("Current password").fill(account.password);
  await page.getByLabel("New password", { exact: true }).fill("password1");
  // The meter's trimmed dictionary (the browser's copy of the common-password list) knows it.
  await expect(page.getByTestId("strength-meter")).toContainText("Strength: Very weak");
  await page.getByLabel("Confirm new password").fill("password2");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("This is a commonly used password; choose another")).toBeVisible();
  await expect(page.getByText("The new passwords do not match")).toBeVisible();
  expect(sent).toBe(false);
});
