import "server-only";
import pino from "pino";
import { config } from "./config";

/**
 * Paths that must never reach a log line, wherever they appear. Nothing logs request bodies or
 * headers wholesale; this is the second line of defence.
 */
export const REDACTED_PATHS = [
  "password",
  "oldPassword",
  "newPassword",
  "passwordHash",
  "token",
  "resetToken",
  "code",
  "authorization",
  "cookie",
  "*.password",
  "*.oldPassword",
  "*.newPassword",
  "*.passwordHash",
  "*.token",
  "*.resetToken",
  "*.authorization",
  "*.cookie",
  "headers.authorization",
  "headers.cookie",
];

export function createLogger(level: string, destination?: pino.DestinationStream) {
  return pino(
    { level, base: undefined, redact: { paths: REDACTED_PATHS, censor: "[redacted]" } },
    destination,
  );
}

export type Logger = ReturnType<typeof createLogger>;

let instance: Logger | undefined;

/** The process's logger, created on first use so that importing a module never reads configuration. */
export function logger(): Logger {
  instance ??= createLogger(config().logLevel);
  return instance;
}
