import { expect, test } from "@playwright/test";
import { newCredentials, signIn, signUp } from "./fixtures";
import { E2E_BASE_URL } from "./support/e2e-env";

test("signing in with a callbackUrl that hides another host lands on /account of this site", async ({ browser }) => {
  const account = newCredentials();
  const signUpContext = await browser.newContext();
  await signUp(await signUpContext.newPage(), account);
  await signUpContext.close();

  const page = await browser.newPage();
  // Stands in for the other site, so a redirect there shows up as the page's URL.
  await page.route(
    (url) => url.hostname === "evil.example",
    (route) => route.fulfill({ contentType: "text/plain", body: "another site" }),
  );
  // "/\t/evil.example": browsers drop the tab and read "//evil.example", another host.
  await page.goto("/sign-in?callbackUrl=%2F%09%2Fevil.example");
  await signIn(page, account.email, account.password);

  await expect(page).toHaveURL(`${E2E_BASE_URL}/account`);
  await expect(page.getByTestId("account-email")).toHaveText(account.email);
});
