// Runs once when a server process starts (see lib/server/startup.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkConfigurationOrExit, startBackgroundWork } = await import("./lib/server/startup");
  checkConfigurationOrExit();
  startBackgroundWork();
}
