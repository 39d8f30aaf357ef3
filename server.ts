// The portal's HTTP server: Next.js behind a thin layer that settles who the client is.
// Next.js keeps a client-sent X-Forwarded-For and route handlers never see the socket, so without
// this layer any client could pick the address that rate limits and the deny list key on.
import { createServer } from "node:http";
import next from "next";
import { ConfigError, parseEnv } from "./lib/server/config";
import { FORWARDING_HEADERS, trustedClientAddress } from "./lib/traffic/client-address";

function settings() {
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

async function main() {
  const env = settings();
  const dev = env.NODE_ENV !== "production";
  const app = next({ dev, turbopack: dev, hostname: env.HOST ?? "localhost", port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();

  const server = createServer((request, response) => {
    const client = trustedClientAddress(request.socket.remoteAddress, request.headers, env.TRUST_PROXY);
    for (const header of FORWARDING_HEADERS) delete request.headers[header];
    // The one address the app reads (lib/server/http/client-context.ts).
    request.headers["x-forwarded-for"] = client;
    void handle(request, response);
  });
  const ready = () =>
    console.log(`[server] ${dev ? "development" : "production"} on port ${env.PORT} (${env.HOST ?? "all interfaces"}; trusted proxies: ${env.TRUST_PROXY})`);
  if (env.HOST) server.listen(env.PORT, env.HOST, ready);
  else server.listen(env.PORT, ready);

  const shutdown = () => {
    server.close(() => process.exit(0));
    // Keep-alive connections would hold close() open; give in-flight requests a moment.
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
