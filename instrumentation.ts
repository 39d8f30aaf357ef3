// Runs once when a server process starts: a bad setting stops it here, naming the variable,
// instead of surfacing on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { config } = await import("./lib/server/config");
  config();
}
