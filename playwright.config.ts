import { defineConfig } from "@playwright/test";
import { E2E_BASE_URL as baseURL, E2E_PORT as port } from "./e2e/support/e2e-env";

// Debian's Chromium, never a downloaded browser: this machine reaches no browser CDN.
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  // Only browser specs; e2e/contract/*.test.ts are Vitest suites over HTTP.
  testMatch: "*.spec.ts",
  // Spec files two at a time (each test makes its own account; a file's tests run in order).
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? "list" : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
    },
  },
  projects: [{ name: "chromium" }],
  webServer: {
    command: "npx tsx e2e/support/serve-e2e.ts",
    url: `${baseURL}/sign-in`,
    env: { E2E_PORT: String(port) },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
  },
});
