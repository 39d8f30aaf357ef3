import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": import.meta.dirname,
  // The marker package throws outside React's server environment; tests import server modules directly.
  "server-only": path.join(import.meta.dirname, "lib/testing/empty-module.ts"),
};

/**
 * Contract files that must have the machine, or a server's clock, to themselves: they time answers
 * (within a second, or against each other) or fill bcrypt's queue, or move the clock of a server
 * another file uses. The rest run side by side: every test there makes accounts and addresses of
 * its own, and a file that moves a clock or stops a server has that server to itself.
 */
const CONTRACT_ALONE = [
  "e2e/contract/response-timing.test.ts",
  "e2e/contract/bcrypt-overload.test.ts",
  "e2e/contract/mail-outbox.test.ts",
  // These two move the clock server's clock.
  "e2e/contract/password-reset-settings.test.ts",
  "e2e/contract/verify-email.test.ts",
];

/** The contract suites: production servers started once for both projects (contract-global-setup.ts). */
const contract = {
  environment: "node",
  include: ["e2e/contract/**/*.test.ts"],
  globalSetup: ["e2e/support/contract-global-setup.ts"],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  resolve: { alias },
  test: {
    // Test files wait mostly on the servers they call: more of them at once than the machine has cores.
    maxWorkers: 3,
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts"],
          globalSetup: ["lib/testing/unit-global-setup.ts"],
          setupFiles: ["lib/testing/unit-setup.ts"],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: { ...contract, name: "contract", exclude: CONTRACT_ALONE },
      },
      {
        resolve: { alias },
        test: {
          ...contract,
          name: "contract-alone",
          include: CONTRACT_ALONE,
          // After every file that runs side by side, one file at a time.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
