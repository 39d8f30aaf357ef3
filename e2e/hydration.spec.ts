import { expect, test } from "@playwright/test";
import { newCredentials, signUp } from "./fixtures";

/**
 * React 19 reports a hydration mismatch as "Hydration failed…" / "…didn't match…" in development
 * and as minified errors #418, #423 or #425 in production, through console.error or reportError
 * (which Playwright sees as a page error).
 */
const HYDRATION = /hydrat|#418|#423|#425|didn't match|did not match/i;

// A reader far from the server's zone, in another locale: what a server render cannot guess.
test.use({ locale: "de-DE", timezoneId: "Asia/Kolkata" });

test("sign-up, the account page and a password change hydrate without a mismatch", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));

  const account = newCredentials();
  const newPassword = "copper kettle morning drizzle";
  await signUp(page, account);
  await page.reload();
  await expect(page.getByTestId("account-email")).toHaveText(account.email);

  const keys = page.getByRole("region", { name: "Apps with API access" });
  await keys.getByLabel("Application name").fill("Acme CRM");
  await keys.getByRole("button", { name: "Create key" }).click();
  await expect(keys.getByTestId("api-keys").getByRole("listitem")).toHaveCount(1);
  await page.reload();

  await page.getByLabel("Current password").fill(account.password);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Confirm new password").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Password changed." })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("password-changed-at")).not.toHaveText("Never");
  // Recoverable errors are reported after the commit that follows hydration.
  await page.waitForLoadState("networkidle");

  expect(problems.filter((problem) => HYDRATION.test(problem))).toEqual([]);
});
