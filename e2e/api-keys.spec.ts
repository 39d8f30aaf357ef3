import { expect, test, type Page } from "@playwright/test";
import { newCredentials, signIn, signUp } from "./fixtures";

const KEY_FORMAT = /^cxk_[A-Za-z0-9_-]{43}$/;

const section = (page: Page) => page.getByRole("region", { name: "Apps with API access" });

test("a key is created and shown once, listed without it after a reload, and revoked after a confirmation", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signUp(page, newCredentials());
  const keys = section(page);
  await expect(keys.getByText("No application has a key yet.")).toBeVisible();

  // The shared schema answers before anything is sent.
  await keys.getByRole("button", { name: "Create key" }).click();
  await expect(keys.getByText("This field is required")).toBeVisible();

  await keys.getByLabel("Application name").fill("  Acme CRM ");
  await keys.getByRole("button", { name: "Create key" }).click();
  const shown = keys.getByTestId("new-api-key");
  await expect(shown).toContainText("you will not see it again");
  const key = (await shown.getByTestId("new-api-key-value").textContent())!.trim();
  expect(key).toMatch(KEY_FORMAT);
  await shown.getByRole("button", { name: "Copy key" }).click();
  await expect(shown.getByRole("status")).toHaveText("Copied to the clipboard.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

  const listed = keys.getByTestId("api-keys").getByRole("listitem");
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText("Acme CRM");
  await expect(listed).toContainText(`${key.slice(0, 12)}…`);
  await expect(listed).toContainText("Last usedNever");

  await page.reload();
  await expect(keys.getByTestId("new-api-key")).toHaveCount(0);
  expect(await page.content()).not.toContain(key);
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText("Acme CRM");

  // Cancelling keeps the key; confirming revokes it.
  await listed.getByRole("button", { name: "Revoke the key for Acme CRM" }).click();
  await keys.getByRole("button", { name: "Cancel" }).click();
  await expect(listed).toHaveCount(1);
  await listed.getByRole("button", { name: "Revoke the key for Acme CRM" }).click();
  await keys.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(keys.getByText("No application has a key yet.")).toBeVisible();
  await expect(page.getByTestId("security-events")).toContainText("API key revoked");
  await expect(page.getByTestId("security-events")).toContainText("API key created");

  await page.reload();
  await expect(keys.getByText("No application has a key yet.")).toBeVisible();
  expect((await (await page.request.get("/api/v1/user/api-keys")).json()).apiKeys).toEqual([]);
});

test("at 320 px wide, from the keyboard alone: long names wrap and the section never scrolls sideways", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await signUp(page, newCredentials());
  const keys = section(page);
  const longName = `Acme-${"x".repeat(95)}`;

  await keys.getByLabel("Application name").focus();
  await page.keyboard.type(longName);
  await page.keyboard.press("Enter");
  await expect(keys.getByRole("heading", { name: `Key for ${longName} created` })).toBeFocused();
  await expect(keys.getByTestId("api-keys").getByRole("listitem")).toHaveCount(1);

  // What sticks out past the section's right edge, by tag and text, so a failure names it.
  const overflowing = await keys.evaluate((section) => {
    const edge = section.getBoundingClientRect().right;
    return [...section.querySelectorAll("*")]
      .filter((element) => element.getBoundingClientRect().right > edge + 0.5)
      .map((element) => `${element.tagName}: ${element.textContent?.slice(0, 40)}`);
  });
  // The section only: e2e/phone-layout.spec.ts checks the whole page.
  expect(overflowing).toEqual([]);

  await keys.getByRole("button", { name: "Done" }).press("Enter");
  await expect(keys.getByTestId("new-api-key")).toHaveCount(0);
  const revoke = keys.getByRole("button", { name: `Revoke the key for ${longName}` });
  await revoke.focus();
  await page.keyboard.press("Enter");
  await expect(keys.getByRole("button", { name: "Yes, revoke" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(keys.getByText("No application has a key yet.")).toBeVisible();
});

test("a change made through an application's key shows on the account page under the application's name", async ({ page }) => {
  const account = newCredentials();
  await signUp(page, account);
  const keys = section(page);
  await keys.getByLabel("Application name").fill("Acme CRM");
  await keys.getByRole("button", { name: "Create key" }).click();
  const key = (await keys.getByTestId("new-api-key-value").textContent())!.trim();

  // The third party: its own key, the person's own API token (seed 002's two headers).
  const login = await page.request.post("/api/v1/user/login", { data: { email: account.email, password: account.password } });
  const { token } = (await login.json()) as { token: string };
  const newPassword = `${account.password}-changed`;
  const changed = await page.request.patch("/api/user/password", {
    headers: { authorization: `Bearer ${token}`, "x-api-key": key },
    data: { oldPassword: account.password, newPassword },
  });
  expect(await changed.json()).toEqual({ success: true, message: "Password updated successfully" });

  // The change signed out every other session, this browser's included: sign in again.
  await page.goto("/account");
  await signIn(page, account.email, newPassword);
  await expect(page.getByTestId("security-events")).toContainText("Password changed through Acme CRM");
  await expect(keys.getByTestId("api-keys")).not.toContainText("Last usedNever");
});

test("at 390 px, a new key is listed and a revoked one gone at once, before the server's own list arrives", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signUp(page, newCredentials());
  const keys = section(page);
  // The page's refresh from the server (a React Server Components request) is held: what shows
  // meanwhile is what the page itself knows.
  let releaseRefresh!: () => void;
  const refreshHeld = new Promise<void>((resolve) => (releaseRefresh = resolve));
  await page.route("**/account**", async (route) => {
    if (route.request().headers()["rsc"]) await refreshHeld;
    await route.continue();
  });

  await keys.getByLabel("Application name").fill("Acme CRM");
  await keys.getByRole("button", { name: "Create key" }).click();
  const key = (await keys.getByTestId("new-api-key-value").textContent())!.trim();
  expect(key).toMatch(KEY_FORMAT);
  await expect(keys.getByText("No application has a key yet.")).toHaveCount(0);
  const listed = keys.getByTestId("api-keys").getByRole("listitem");
  await expect(listed).toHaveCount(1);
  await expect(listed).toContainText(`${key.slice(0, 12)}…`);

  await listed.getByRole("button", { name: "Revoke the key for Acme CRM" }).click();
  await keys.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(keys.getByText("No application has a key yet.")).toBeVisible();
  // The box that showed the key went with it: no key that no longer works stays on screen.
  await expect(keys.getByTestId("new-api-key")).toHaveCount(0);
  expect(await page.content()).not.toContain(key);

  releaseRefresh();
  await page.reload();
  await expect(keys.getByText("No application has a key yet.")).toBeVisible();
});
