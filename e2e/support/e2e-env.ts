import { tmpdir } from "node:os";
import path from "node:path";

/** Shared by playwright.config.ts, the server it starts, and the specs (which run in other processes). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 9310);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const E2E_MAIL_DIR = path.join(tmpdir(), `account-portal-e2e-mail-${E2E_PORT}`);
