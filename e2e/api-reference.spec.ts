import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test, type Page } from "@playwright/test";
import { collectCspViolations } from "./support/csp-violations";

const sidebarOf = (page: Page) => page.getByRole("navigation", { name: /^Sidebar for/ });

/** The "Shell Curl" request example the reference shows for one operation, as a person would copy it. */
async function curlExample(page: Page, method: string, path: string): Promise<string> {
  const example = page.getByRole("group", { name: `Request Example for ${method}${path}` }).locator("code").first();
  await expect(example).toContainText("curl");
  return example.innerText();
}

/** Runs a copied example in a shell, as pasted, and returns the HTTP status curl saw. */
async function runInShell(command: string): Promise<number> {
  const { stdout } = await promisify(execFile)("bash", ["-c", `${command.trim()} --silent --output /dev/null --write-out '%{http_code}'`]);
  return Number(stdout);
}

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

  const sidebar = sidebarOf(page);
  await expect(sidebar.getByRole("button", { name: /^Update User Password/ })).toBeVisible();
  await expect(sidebar.getByRole("button", { name: /^Check User Session/ })).toBeVisible();
  await sidebar.getByRole("button", { name: /^Update User Password/ }).click();
  await expect(page.getByRole("heading", { name: "Update User Password" }).first()).toBeVisible();
  await expect(page.getByText("/api/v1/user/password").first()).toBeVisible();
  // Let lazy chunks and any background request happen before counting.
  await page.waitForLoadState("networkidle");

  expect(violations).toEqual([]);
  expect(outside).toEqual([]);
});

test("the reference's curl examples name this portal and run as copied: register, then sign in", async ({ page, baseURL }) => {
  await page.goto("/docs/api");
  const sidebar = sidebarOf(page);
  await sidebar.getByRole("button", { name: /^Portal additions/ }).click();
  await sidebar.getByRole("button", { name: /^Register HTTP Method/ }).click();
  const register = await curlExample(page, "post", "/api/v1/user/register");
  expect(register).toContain(`curl ${new URL(baseURL!).origin}/api/v1/user/register`);
  // Placeholders a person recognises, not empty strings.
  expect(register).toContain("ada@example.com");
  expect(register).not.toMatch(/": ""/);
  // The example's account may be there from an earlier run on this database.
  expect([201, 409]).toContain(await runInShell(register));

  await sidebar.getByRole("button", { name: /^Login HTTP Method/ }).click();
  const login = await curlExample(page, "post", "/api/v1/user/login");
  expect(await runInShell(login)).toBe(200);
});

test("the reference's introduction says in words what the catch-all and a wrong method answer, with no raw $ref", async ({ page }) => {
  await page.goto("/docs/api");
  const introduction = page.locator("p", { hasText: "Every path under /api that no operation here names answers 404" });
  await expect(introduction).toBeVisible();
  await expect(introduction).toContainText("METHOD_NOT_ALLOWED with an Allow header");
  await expect(page.getByText("#/components/")).toHaveCount(0);
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
