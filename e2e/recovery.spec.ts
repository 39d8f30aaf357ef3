import { expect, test, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { E2E_MAIL_DIR } from "./support/e2e-env";
import { waitForMail } from "./support/mailbox";
import { newCredentials, signIn, signUp } from "./fixtures";

async function mailed(to: string, subject: string, after: number) {
  const mail = await waitForMail(E2E_MAIL_DIR, { to, subject, after });
  return { code: /code is (\d{6})/.exec(mail.text ?? "")?.[1], link: /(http\S+\?token=[A-Za-z0-9_-]+)/.exec(mail.text ?? "")?.[1] };
}

const section = (page: Page, heading: string) => page.locator("section", { has: page.getByRole("heading", { name: heading }) });

/** Holds the page's requests to `url` until `release()` (then lets every one through), so a test can see what the page shows while one runs. */
async function holdRequests(page: Page, url: string) {
  let open!: () => void;
  const held = new Promise<void>((resolve) => (open = resolve));
  await page.route(url, async (route) => {
    await held;
    await route.continue();
  });
  return {
    release: open,
  };
}

test("verify → change → confirm → undo, all on the pages, with mail read from the SMTP server", async ({ page }) => {
  const account = newCredentials();
  const signedUpAt = Date.now() - 1000;
  await signUp(page, account);

  const banner = page.getByTestId("verify-email-banner");
  await expect(banner).toBeVisible();
  await expect(page.getByTestId("email-verified")).toHaveText("Not yet");
  const { code } = await mailed(account.email, "Verify your email address", signedUpAt);
  await banner.getByLabel("Verification code").fill(code!);
  await banner.getByRole("button", { name: "Verify email" }).click();
  await expect(banner).toBeHidden();
  await expect(page.getByTestId("email-verified")).toHaveText("Yes");

  const newEmail = `e2e-new-${randomUUID()}@example.com`;
  const change = section(page, "Change email address");
  const askedAt = Date.now() - 1000;
  await change.getByLabel("New email address").fill(newEmail);
  await change.getByLabel("Your password", { exact: true }).fill(account.password);
  // While the request runs the button says so and cannot be pressed twice.
  const sendingCode = await holdRequests(page, "**/api/v1/user/email");
  await change.getByRole("button", { name: "Change email" }).click();
  await expect(change.getByRole("button", { name: "Sending the code…" })).toBeDisabled();
  sendingCode.release();
  await expect(change.getByTestId("pending-email")).toHaveText(newEmail);
  const confirmation = await mailed(newEmail, "Confirm your new email address", askedAt);
  await mailed(account.email, "A change of your email address was requested", askedAt);
  await change.getByLabel("Confirmation code").fill(confirmation.code!);
  const confirming = await holdRequests(page, "**/api/v1/user/email/confirm");
  await change.getByRole("button", { name: "Confirm new address" }).click();
  await expect(change.getByRole("button", { name: "Confirming…" })).toBeDisabled();
  confirming.release();
  await expect(page.getByTestId("account-email")).toHaveText(newEmail);

  const { link: undo } = await mailed(account.email, "Your email address was changed", askedAt);
  const undoneAt = Date.now() - 1000;
  await page.goto(undo!);
  await page.getByRole("button", { name: "Stop the change and sign out everywhere" }).click();
  await expect(page.getByRole("status")).toContainText(account.email);
  await expect(page.getByRole("status")).toContainText("set a new password to sign in again");
  await expect(page).not.toHaveURL(/token=/);

  // Whoever asked for the change knew the password: it no longer signs in, exactly as a wrong one.
  await page.goto("/account");
  await page.waitForURL("**/sign-in**");
  await signIn(page, account.email, account.password);
  await expect(page.getByRole("alert").filter({ hasText: "Invalid email or password" })).toBeVisible();

  // The reset code the undo mailed to the old address sets a new one.
  const { link: reset } = await mailed(account.email, "Your password reset code", undoneAt);
  await page.goto(reset!.replace(/^https?:\/\/[^/]+/, ""));
  await expect(page.getByRole("heading", { name: /Step 3 of 3/ })).toBeVisible();
  const newPassword = "quiet lanterns fold paper boats";
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Confirm new password").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await page.waitForURL("**/sign-in?reset=1");
  await signIn(page, account.email, newPassword);
  await page.waitForURL("**/account");
  await expect(page.getByTestId("account-email")).toHaveText(account.email);
});

test("delete the account with the password and the email typed out; it cannot sign in again", async ({ page }) => {
  const account = newCredentials();
  await signUp(page, account);
  const form = section(page, "Delete account");
  await form.getByLabel("Password", { exact: true }).fill(account.password);
  await form.getByLabel("Type your email address").fill("someone-else@example.com");
  await form.getByRole("button", { name: "Delete my account" }).click();
  await expect(form.getByText("Type your email address exactly as shown")).toBeVisible();

  await form.getByLabel("Type your email address").fill(account.email);
  await form.getByRole("button", { name: "Delete my account" }).click();
  await page.waitForURL("**/sign-in?deleted=1");
  await expect(page.getByRole("status").filter({ hasText: "Your account was deleted" })).toContainText("The address is free to register again.");
  await signIn(page, account.email, account.password);
  await expect(page.getByRole("alert").filter({ hasText: "Invalid email or password" })).toBeVisible();
  await expect(page).toHaveURL(/sign-in/);
});
