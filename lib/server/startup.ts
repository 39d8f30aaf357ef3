import "server-only";
import { config, readOrExit } from "./config";

/**
 * A bad setting must stop the server at start-up, naming the variable, rather than surface as a
 * 500 on the first request: Next.js only logs an error thrown from the instrumentation hook and
 * keeps serving.
 */
export function checkConfigurationOrExit(): void {
  readOrExit(config);
}
