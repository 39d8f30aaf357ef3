import { expect, test } from "@playwright/test";
import { collectCspViolations } from "./support/csp-violations";

test("the API reference renders the OpenAPI document under the nonce CSP, with nothing from elsewhere", async ({ page, baseURL }) => {
  const violations = await collectCspViolations(page);
  const origin = new URL(baseURL!).origin;
  const outside: string[] = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) outside.push(url);
  });

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "API reference" }).click();
  await expect(page).toHaveURL(/\/docs\/api$/);
  const csp = (await page.request.get("/docs/api")).headers()["content-security-policy"]!;
  // Scripts as on every page; only this page's styles may be inline (lib/security-headers.ts says why).
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
  expect(csp).toContain("style-src 'self' 'unsafe-inline'");

  const sidebar = page.getByRole("complementary");
  await expect(sidebar.getByRole("link", { name: /^Update User Password/ })).toBeVisible();
  await expect(sidebar.getByRole("link", { name: /^Check User Session/ })).toBeVisible();
  await sidebar.getByRole("link", { name: /^Update User Password/ }).click();
  await expect(page.getByRole("heading", { name: "Update User Password" }).first()).toBeVisible();
  await expect(page.getByText("/api/v1/user/password").first()).toBeVisible();
  // Let lazy chunks and any background request happen before counting.
  await page.waitForLoadState("networkidle");

  expect(violations).toEqual([]);
  expect(outside).toEqual([]);
});

test("other pages keep nonce-only styles and do not load the reference's code", async ({ page }) => {
  const scripts: string[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.push(response.url());
  });
  const response = await page.goto("/sign-in");
  expect(response!.headers()["content-security-policy"]).toMatch(/style-src 'self' 'nonce-[^']+'/);
  await page.waitForLoadState("networkidle");
  const bodies = await Promise.all(scripts.map(async (url) => (await page.request.get(url)).text()));
  expect(bodies.filter((body) => body.includes("@scalar/api-reference")).length).toBe(0);
});
