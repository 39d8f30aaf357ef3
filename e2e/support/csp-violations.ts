import type { Page } from "@playwright/test";

/**
 * Every Content-Security-Policy violation on the page, as the browser reports it: the console
 * messages, and the `securitypolicyviolation` events, which also cover violations that leave no
 * console line (an eval probe inside try/catch, such as zod's).
 */
export async function collectCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(`Content Security Policy violation: ${event.effectiveDirective} at ${event.sourceFile}:${event.lineNumber}`),
    );
  });
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}
