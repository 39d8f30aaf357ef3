// Runs once when a server process starts (see lib/server/startup.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkConfigurationOrExit, startBackgroundWork } = await import("./lib/server/startup");
  checkConfigurationOrExit();
  const [{ RESET_REQUEST_KIND }, { issuePasswordReset }] = await Promise.all([import("./lib/server/mail/outbox"), import("./lib/server/services/issue-password-reset")]);
  // A forgot-password request becomes its mail in the sender, after the answer.
  startBackgroundWork({ [RESET_REQUEST_KIND]: issuePasswordReset });
}
