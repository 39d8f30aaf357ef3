import { expect, test, type Page } from "@playwright/test";
import { newCredentials, signUp } from "./fixtures";

const READERS = [
  { locale: "de-DE", timezoneId: "Asia/Kolkata", looks: /^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/ },
  { locale: "en-US", timezoneId: "America/New_York", looks: /^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M$/ },
];

/** Node's and Chromium's ICU may disagree on the space before AM/PM (U+202F or U+0020). */
const spaced = (text: string | null) => (text ?? "").replace(/\s/g, " ");

async function firstTime(page: Page, region: string) {
  const time = page.getByRole("region", { name: region }).locator("time:visible").first();
  const iso = await time.getAttribute("datetime");
  expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/);
  return { iso: iso!, text: spaced(await time.textContent()) };
}

test("dates and times are shown in the reader's own time zone and locale", async ({ browser }) => {
  const shown: string[] = [];
  for (const { looks, ...reader } of READERS) {
    const context = await browser.newContext(reader);
    const page = await context.newPage();
    await signUp(page, newCredentials());
    await page.reload();

    for (const region of ["Sessions and API tokens", "Recent security activity"]) {
      const { iso, text } = await firstTime(page, region);
      const expected = new Intl.DateTimeFormat(reader.locale, { dateStyle: "medium", timeStyle: "short", timeZone: reader.timezoneId });
      expect(text, `${region} for ${reader.locale} in ${reader.timezoneId}`).toBe(spaced(expected.format(new Date(iso))));
      expect(text).toMatch(looks);
      await expect(page.getByRole("region", { name: region })).not.toContainText("UTC");
      shown.push(text);
    }
    const memberSince = page.getByTestId("member-since").locator("time");
    const joined = new Date((await memberSince.getAttribute("datetime"))!);
    await expect(memberSince).toHaveText(new Intl.DateTimeFormat(reader.locale, { dateStyle: "long", timeZone: reader.timezoneId }).format(joined));
    await context.close();
  }
  // The same kind of instant, minutes apart, reads differently to the two readers.
  expect(shown[0]).not.toBe(shown[2]);
});
