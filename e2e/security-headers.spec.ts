import { expect, test } from "@playwright/test";
import { newCredentials, signUp } from "./fixtures";
import { collectCspViolations } from "./support/csp-violations";

test("pages run under a nonce-based Content-Security-Policy without a single violation", async ({ page }) => {
  const violations = await collectCspViolations(page);

  const response = await page.goto("/sign-in");
  const csp = response!.headers()["content-security-policy"]!;
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-inline");
  expect(response!.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response!.headers()["referrer-policy"]).toBe("no-referrer");
  expect(response!.headers()["permissions-policy"]).toContain("camera=()");
  expect(response!.headers()["strict-transport-security"]).toContain("max-age=");

  // Scripts run (the form hydrates and works), and every script carries this response's nonce.
  const account = newCredentials();
  await signUp(page, account);
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(account.email);
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByRole("heading", { name: /Step 2 of 3/ })).toBeVisible();
  expect(violations).toEqual([]);

  const second = await page.goto("/sign-in");
  expect(/'nonce-([^']+)'/.exec(second!.headers()["content-security-policy"]!)?.[1]).not.toBe(nonce);
});
