// Runs once when a server process starts (see lib/server/startup.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkConfigurationOrExit, startBackgroundWork } = await import("./lib/server/startup");
  checkConfigurationOrExit();
  // The features' outbox jobs that are not mail yet: a forgot-password request becomes its mail
  // in the sender, after the answer.
  const { passwordResetJobHandlers } = await import("./lib/server/features/password-reset");
  startBackgroundWork({ ...passwordResetJobHandlers });
}
