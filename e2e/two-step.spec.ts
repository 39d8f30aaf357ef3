import { generate } from "otplib";
import { expect, test, type Page } from "@playwright/test";
import { newCredentials, signIn, signUp } from "./fixtures";

const STEP_MS = 30_000;
const codeIn = (secret: string, steps: number) => generate({ secret, epoch: Math.floor((Date.now() + steps * STEP_MS) / 1000) });

/** Turns the authenticator app on for the signed-in account, through the API the account page will use. */
async function turnOnApp(page: Page, password: string) {
  const started = await page.request.post("/api/v1/user/two-factor/totp", { data: { password } });
  expect(started.status()).toBe(200);
  const { secret } = (await started.json()) as { secret: string };
  const confirmed = await page.request.post("/api/v1/user/two-factor/totp/confirm", { data: { code: await codeIn(secret, 0) } });
  expect(confirmed.status()).toBe(200);
  return { secret, recoveryCodes: ((await confirmed.json()) as { recoveryCodes: string[] }).recoveryCodes };
}

for (const width of [1280, 390]) {
  test(`at ${width} px, a sign-in with the app on asks for a code after the password, survives a reload, and takes a recovery code`, async ({ page }) => {
    await page.setViewportSize({ width, height: 860 });
    const account = newCredentials();
    await signUp(page, account);
    const { secret, recoveryCodes } = await turnOnApp(page, account.password);

    await page.context().clearCookies();
    await page.goto("/sign-in");
    await signIn(page, account.email, account.password);
    await page.waitForURL("**/sign-in/two-step**");
    const code = page.getByLabel("6-digit code from your app");
    await expect(code).toBeFocused();
    await expect(code).toHaveAttribute("autocomplete", "one-time-code");
    await expect(code).toHaveAttribute("inputmode", "numeric");
    // Not signed in yet: the account page still sends this browser to sign in.
    expect((await page.request.get("/api/v1/user/check")).status()).toBe(401);

    // A wrong code is said on the field; a reload keeps the step.
    const right = await codeIn(secret, 1);
    await code.fill(right === "000000" ? "111111" : "000000");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByText("That code is not right.")).toBeVisible();
    await expect(code).toHaveAttribute("aria-invalid", "true");
    await page.reload();
    await page.getByLabel("6-digit code from your app").fill(right);
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL("**/account");

    // Again, with a recovery code, from the keyboard.
    await page.context().clearCookies();
    await page.goto("/sign-in");
    await signIn(page, account.email, account.password);
    await page.waitForURL("**/sign-in/two-step**");
    // The step fits the width: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.getByRole("button", { name: "Use a recovery code" }).click();
    const recovery = page.getByLabel("Recovery code");
    await expect(recovery).toBeFocused();
    await page.keyboard.type(recoveryCodes[0]!);
    await page.keyboard.press("Enter");
    await page.waitForURL("**/account");
  });
}
