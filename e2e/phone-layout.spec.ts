import { expect, test, type Page } from "@playwright/test";
import { signUpBusyAccount } from "./support/busy-account";

const PHONE_WIDTHS = [320, 360, 390];

const sessionsSection = (page: Page) => page.getByRole("region", { name: "Sessions and API tokens" });

/** What sticks out past the viewport's right edge, by tag and text, so a failure names it. */
function overflowReport(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const culprits = [...document.querySelectorAll("body *")]
      // What a visually-hidden box holds is clipped to its one pixel, however wide its own box.
      .filter((element) => !element.closest(".visually-hidden") && element.getBoundingClientRect().right > width + 0.5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}: ${element.textContent?.slice(0, 30)}`);
    return { scrollWidth: document.documentElement.scrollWidth, width, culprits: culprits.slice(0, 12) };
  });
}

/**
 * Tabs from the top of the page to its end and returns the visible controls never reached, and
 * those reached out of sight to the side.
 */
async function keyboardReport(page: Page) {
  const total = await page.evaluate(() => {
    const controls = [...document.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea, [tabindex]")].filter(
      (element) => element.tabIndex >= 0 && !(element as HTMLButtonElement).disabled && element.checkVisibility(),
    );
    controls.forEach((element, index) => (element.dataset.probe = String(index)));
    return controls.length;
  });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const reached = new Set<string>();
  const offscreen: string[] = [];
  for (let press = 0; press < total + 5; press++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      const box = element.getBoundingClientRect();
      return { probe: element.dataset.probe ?? null, label: element.textContent?.trim().slice(0, 40) ?? "", left: box.left, right: box.right };
    });
    if (!focused?.probe) continue;
    reached.add(focused.probe);
    if (focused.left < -0.5 || focused.right > (await page.evaluate(() => window.innerWidth)) + 0.5) offscreen.push(focused.label);
  }
  const missed = await page.evaluate(
    (seen) => [...document.querySelectorAll<HTMLElement>("[data-probe]")].filter((element) => !seen.includes(element.dataset.probe!)).map((element) => element.outerHTML.slice(0, 80)),
    [...reached],
  );
  return { total, missed, offscreen };
}

/**
 * The words (runs of text between spaces) inside `selector` that the layout split across two lines,
 * e.g. "Brows|er" or "127.0.0.|1": a range over a word wrapped inside has a box on each line.
 */
function brokenWords(page: Page, selector: string) {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector)!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const broken: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // Text for screen readers only sits in a one-pixel box, where every word wraps.
      if (node.parentElement?.closest(".visually-hidden")) continue;
      const text = node.textContent ?? "";
      for (const match of text.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter((box) => box.width > 0).map((box) => Math.round(box.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
    return broken;
  }, selector);
}

test("the account page fits a phone: no sideways scroll, sessions as cards, every control reachable by keyboard", async ({ page, baseURL }) => {
  const { account, sessionCount } = await signUpBusyAccount(page, baseURL);

  for (const width of PHONE_WIDTHS) {
    await test.step(`${width} px wide`, async () => {
      await page.setViewportSize({ width, height: 740 });
      await page.reload();
      await expect(page.getByTestId("account-email")).toHaveText(account.email);

      const overflow = await overflowReport(page);
      expect(overflow.culprits).toEqual([]);
      expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.width);

      const sessions = sessionsSection(page);
      await expect(sessions.getByRole("table")).toBeHidden();
      const cards = sessions.getByRole("list", { name: "Your sessions" }).getByRole("listitem");
      await expect(cards).toHaveCount(sessionCount);
      for (const card of await cards.all()) {
        await expect(card).toBeVisible();
        await expect(card.getByRole("heading", { level: 3 })).toBeVisible();
      }
      await expect(cards.filter({ hasText: "This session" })).toHaveCount(1);
      await expect(sessions.getByRole("button", { name: /^Revoke/ })).toHaveCount(sessionCount - 1);

      const keyboard = await keyboardReport(page);
      expect(keyboard.total).toBeGreaterThan(10);
      expect(keyboard.missed).toEqual([]);
      expect(keyboard.offscreen).toEqual([]);
    });
  }

  for (const width of [768, 1280]) {
  await test.step(`${width} px wide: the table, no word or address broken inside`, async () => {
    await page.setViewportSize({ width, height: 800 });
    await page.reload();
    const sessions = sessionsSection(page);
    await expect(sessions.getByRole("list", { name: "Your sessions" })).toBeHidden();
    const table = sessions.getByRole("table");
    await expect(table).toBeVisible();
    await expect(table.getByRole("row")).toHaveCount(sessionCount + 1);
    await expect(table.getByRole("button", { name: /^Revoke/ })).toHaveCount(sessionCount - 1);
    await expect(table.getByText("This session")).toBeVisible();
    expect((await overflowReport(page)).culprits).toEqual([]);
    expect(await brokenWords(page, "[data-testid=sessions]")).toEqual([]);
    // Headers on one line each ("IP address", not "IP" above "address").
    const wrappedHeaders = await table.getByRole("columnheader").evaluateAll((cells) =>
      cells
        .filter((cell) => !cell.querySelector(".visually-hidden"))
        .filter((cell) => {
          const range = document.createRange();
          range.selectNodeContents(cell);
          return new Set([...range.getClientRects()].filter((box) => box.width > 0).map((box) => Math.round(box.top))).size > 1;
        })
        .map((cell) => cell.textContent),
    );
    expect(wrappedHeaders).toEqual([]);
  });
  }
});
