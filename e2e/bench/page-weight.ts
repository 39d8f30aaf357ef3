// npx tsx e2e/bench/page-weight.ts http://127.0.0.1:PORT — first-load JavaScript of the portal's
// pages and the strength meter's lazy weight, against a running production build (`npx next build`,
// then `npm start` or startAppServer). Figures, not assertions: issue #12's goals (≤ 130 kB per page,
// ≤ 150 kB for the meter) are read by people.
//
// Sizes are gzip -9 of each script's decoded body, computed here: the server's own compression (or
// its absence, as with `npm start` on the loopback) and Chromium's cache would otherwise change the
// figure from run to run without the bundle changing.
import { randomBytes, randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type BrowserContext, type Page, type Response } from "@playwright/test";

export interface PageWeight {
  page: string;
  firstLoadJsGzipBytes: number;
  scripts: number;
  /**
   * On the page with a strength meter (/account's change-password form): the JavaScript its form
   * loads when the new-password field takes focus (the shared zod schemas, which the forms load
   * lazily), then the extra JavaScript between the first keystroke and the meter's verdict.
   */
  focusJsGzipBytes?: number;
  meterJsGzipBytes?: number;
}

const PUBLIC_PAGES = ["/sign-in", "/sign-up", "/forgot-password"];
const VERDICT = /Strength: (Very weak|Weak|Fair|Strong|Very strong)/;

/** Collects the scripts a page loads from now on, each once (by URL), as gzip -9 sizes. */
function recordScripts(page: Page) {
  const sizes = new Map<string, Promise<number>>();
  const onResponse = (response: Response) => {
    if (response.request().resourceType() !== "script" || sizes.has(response.url())) return;
    sizes.set(
      response.url(),
      response.body().then((body) => gzipSync(body, { level: 9 }).length),
    );
  };
  page.on("response", onResponse);
  return {
    /** Stops recording; the total of what was recorded. */
    async total(): Promise<{ bytes: number; scripts: number }> {
      page.off("response", onResponse);
      const bytes = (await Promise.all(sizes.values())).reduce((sum, size) => sum + size, 0);
      return { bytes, scripts: sizes.size };
    },
  };
}

/**
 * Resolves once no request has been in flight for `quietMs`. Playwright's "networkidle" load state
 * is reached once per navigation, so waiting for it again later returns at once.
 */
async function networkQuiet(page: Page, quietMs = 500): Promise<void> {
  let inFlight = 0;
  let lastChange = Date.now();
  const started = () => {
    inFlight += 1;
    lastChange = Date.now();
  };
  const ended = () => {
    inFlight -= 1;
    lastChange = Date.now();
  };
  page.on("request", started);
  page.on("requestfinished", ended);
  page.on("requestfailed", ended);
  try {
    while (inFlight > 0 || Date.now() - lastChange < quietMs) await page.waitForTimeout(50);
  } finally {
    page.off("request", started);
    page.off("requestfinished", ended);
    page.off("requestfailed", ended);
  }
}

/** Loads `path` in a fresh page and measures its scripts until `load` and network idle, before any input. */
async function firstLoad(context: BrowserContext, baseUrl: string, path: string): Promise<{ page: Page; weight: PageWeight }> {
  const page = await context.newPage();
  const recorder = recordScripts(page);
  const response = await page.goto(`${baseUrl}${path}`, { waitUntil: "load" });
  await page.waitForLoadState("networkidle");
  if (!response?.ok() || new URL(page.url()).pathname !== path) {
    throw new Error(`${path} answered ${response?.status()} at ${page.url()}: not the page to measure`);
  }
  const { bytes, scripts } = await recorder.total();
  return { page, weight: { page: path, firstLoadJsGzipBytes: bytes, scripts } };
}

/**
 * A browser context signed in as a new account: registered through the API, signed in through
 * next-auth's own credentials endpoint (CSRF token first, as its client does), then handed to a
 * new context so the measured page starts with an empty HTTP cache.
 */
async function signedInContext(browser: Browser, baseUrl: string): Promise<BrowserContext> {
  const email = `page-weight-${randomUUID()}@example.com`;
  const password = `Harbor-${randomBytes(6).toString("base64url")}-lights`;
  const setup = await browser.newContext();
  try {
    const registered = await setup.request.post(`${baseUrl}/api/v1/user/register`, { data: { email, password, name: "Page Weight" } });
    if (registered.status() !== 201) throw new Error(`register answered ${registered.status()}: ${await registered.text()}`);
    const { csrfToken } = (await (await setup.request.get(`${baseUrl}/api/auth/csrf`)).json()) as { csrfToken: string };
    const signedIn = await setup.request.post(`${baseUrl}/api/auth/callback/credentials`, {
      form: { csrfToken, email, password, json: "true" },
    });
    if (!signedIn.ok()) throw new Error(`sign-in answered ${signedIn.status()}: ${await signedIn.text()}`);
    return await browser.newContext({ storageState: await setup.storageState() });
  } finally {
    await setup.close();
  }
}

/**
 * Focuses the change-password form's new-password field (what loads then is the form's), then types
 * one character into it: what loads from then until the meter's verdict is the meter's.
 */
async function focusAndMeterWeights(page: Page): Promise<{ focusJsGzipBytes: number; meterJsGzipBytes: number }> {
  const field = page.getByLabel("New password", { exact: true });
  const onFocus = recordScripts(page);
  await field.focus();
  await networkQuiet(page);
  const focusJsGzipBytes = (await onFocus.total()).bytes;
  const onKeystroke = recordScripts(page);
  await field.pressSequentially("p");
  await page.getByTestId("strength-meter").getByText(VERDICT).waitFor({ timeout: 30_000 });
  await networkQuiet(page);
  return { focusJsGzipBytes, meterJsGzipBytes: (await onKeystroke.total()).bytes };
}

const launch = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
  });

/** First-load JavaScript of one page anywhere (the bare Next.js reference's `/`: the framework's floor). */
export async function measureFirstLoad(baseUrl: string, path: string): Promise<PageWeight> {
  const browser = await launch();
  try {
    return (await firstLoad(await browser.newContext(), baseUrl, path)).weight;
  } finally {
    await browser.close();
  }
}

export async function measurePageWeights(baseUrl: string): Promise<PageWeight[]> {
  const browser = await launch();
  try {
    const pages: PageWeight[] = [];
    for (const path of PUBLIC_PAGES) {
      // One context per page: nothing cached from the previous one.
      const context = await browser.newContext();
      pages.push((await firstLoad(context, baseUrl, path)).weight);
      await context.close();
    }
    const context = await signedInContext(browser, baseUrl);
    const account = await firstLoad(context, baseUrl, "/account");
    pages.push({ ...account.weight, ...(await focusAndMeterWeights(account.page)) });
    await context.close();
    return pages;
  } finally {
    await browser.close();
  }
}

function kB(bytes: number): string {
  return (bytes / 1000).toFixed(1);
}

async function main() {
  const baseUrl = process.argv[2]?.replace(/\/$/, "");
  if (!baseUrl) throw new Error("usage: npx tsx e2e/bench/page-weight.ts http://127.0.0.1:PORT");
  const pages = await measurePageWeights(baseUrl);
  console.table(
    Object.fromEntries(
      pages.map((row) => [
        row.page,
        {
          "first-load JS (kB gzip)": kB(row.firstLoadJsGzipBytes),
          scripts: row.scripts,
          "on focusing new password (kB gzip)": row.focusJsGzipBytes === undefined ? "" : kB(row.focusJsGzipBytes),
          "meter on first keystroke (kB gzip)": row.meterJsGzipBytes === undefined ? "" : kB(row.meterJsGzipBytes),
        },
      ]),
    ),
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
