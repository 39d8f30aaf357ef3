import { expect, test, type Page } from "@playwright/test";
import { E2E_MAIL_DIR } from "./support/e2e-env";
import { waitForMail } from "./support/mailbox";
import { newCredentials, signIn, signUp } from "./fixtures";

async function resetMail(email: string, after: number) {
  const mail = await waitForMail(E2E_MAIL_DIR, { to: email, subject: "Your password reset code", after });
  const code = /reset code is (\d{6})/.exec(mail.text ?? "")?.[1];
  const link = /(http\S+forgot-password\?token=\S+)/.exec(mail.text ?? "")?.[1];
  expect(code).toBeTruthy();
  expect(link).toBeTruthy();
  return { code: code!, link: link! };
}

/** A signed-out visitor with an account asks for a reset on /forgot-password; returns the mail's code and link. */
async function askForReset(page: Page) {
  const account = newCredentials();
  await signUp(page, account);
  await page.context().clearCookies();
  const sentAfter = Date.now();
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(account.email);
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByRole("heading", { name: /Step 2 of 3/ })).toBeVisible();
  return { account, ...(await resetMail(account.email, sentAfter)) };
}

test("recover with the emailed code: email → code → new password → sign in; older sessions are signed out", async ({ page, browser }) => {
  const account = newCredentials();
  await signUp(page, account);
  const before = await browser.newContext();
  const beforePage = await before.newPage();
  await beforePage.goto("/sign-in");
  await signIn(beforePage, account.email, account.password);
  await beforePage.waitForURL("**/account");

  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await page.waitForURL("**/forgot-password");

  const sentAfter = Date.now();
  await page.getByLabel("Email").fill(account.email);
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByRole("heading", { name: /Step 2 of 3/ })).toBeFocused();
  await expect(page.getByRole("button", { name: /Resend code in \d+ s/ })).toBeDisabled();

  const { code } = await resetMail(account.email, sentAfter);
  const codeInput = page.getByLabel("6-digit code");
  await expect(codeInput).toHaveAttribute("autocomplete", "one-time-code");
  await expect(codeInput).toHaveAttribute("inputmode", "numeric");
  await codeInput.fill(`${code.slice(0, 3)} ${code.slice(3)}`);
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page.getByRole("heading", { name: /Step 3 of 3/ })).toBeVisible();
  const newPassword = "violet tram under quiet rain";
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await expect(page.getByTestId("strength-meter")).toContainText(/Strength: (Strong|Very strong)/);
  await page.getByLabel("Confirm new password").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();

  await page.waitForURL("**/sign-in?reset=1");
  await expect(page.getByRole("status").filter({ hasText: "Your password was reset" })).toBeVisible();
  // The address just reset is filled in (never in the URL), and the password is what is left to type.
  expect(page.url()).not.toContain(encodeURIComponent(account.email));
  await expect(page.getByLabel("Email")).toHaveValue(account.email);
  await expect(page.getByLabel("Password", { exact: true })).toBeFocused();
  await page.keyboard.type(newPassword);
  await page.keyboard.press("Enter");
  await page.waitForURL("**/account");

  await beforePage.reload();
  await expect(beforePage).toHaveURL(/\/sign-in/);
  await before.close();
});

test("recover with the emailed link: it lands on the last step without typing the code", async ({ page }) => {
  const { account, link } = await askForReset(page);

  const token = new URL(link).searchParams.get("token")!;
  await page.goto("/sign-in");
  await page.goto(link.replace(/^https?:\/\/[^/]+/, ""));
  await expect(page.getByRole("heading", { name: /Step 3 of 3/ })).toBeVisible();
  await expect(page.getByText(account.email)).toBeVisible();
  // The token has left the address bar, and the history entry holds no trace of it either.
  expect(page.url()).not.toContain(token);
  expect(new URL(page.url()).pathname).toBe("/forgot-password");
  await page.goBack();
  await page.waitForURL("**/sign-in");
  await page.goForward();
  await page.waitForURL("**/forgot-password");
  expect(page.url()).not.toContain(token);
  // Back on the link to finish (confirming a link twice is allowed until it is used).
  await page.goto(link.replace(/^https?:\/\/[^/]+/, ""));
  await expect(page.getByRole("heading", { name: /Step 3 of 3/ })).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill("amber owls count slow rivers");
  await page.getByLabel("Confirm new password").fill("amber owls count slow rivers");
  await page.getByRole("button", { name: "Set new password" }).click();
  await page.waitForURL("**/sign-in?reset=1");
});

test("a wrong code is shown on the field, which is marked invalid and focused", async ({ page }) => {
  const { code } = await askForReset(page);

  await page.getByLabel("6-digit code").fill(code === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText(/That code is not valid/)).toBeVisible();
  await expect(page.getByLabel("6-digit code")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("6-digit code")).toBeFocused();
});

test("after five wrong codes the page explains that the code is locked and offers a new one", async ({ page }) => {
  const { code } = await askForReset(page);
  const field = page.getByLabel("6-digit code");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await field.fill(String((Number(code) + attempt) % 1_000_000).padStart(6, "0"));
    await page.getByRole("button", { name: "Continue" }).click();
    if (attempt < 5) await expect(page.getByText(/That code is not valid\. It may be mistyped/)).toBeVisible();
  }
  await expect(page.getByText(/After 5 wrong tries a code stops working, even the right one: send a new code/)).toBeVisible();
  await expect(page.getByRole("button", { name: /Send a new code/ })).toBeVisible();
  // The API still answers INVALID_OTP for the right code: the lock is real, the page only explains it.
  await field.fill(code);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText(/After 5 wrong tries a code stops working/)).toBeVisible();
});
