import { createServer, type Socket, connect } from "node:net";

export interface SmtpGate {
  url: string;
  /** Connections the portal opened so far. */
  connections(): number;
  /** hang: accept and never answer; pass: relay to `target` (a real SMTP server's port). */
  setMode(mode: "hang" | { passTo: number }): void;
  close(): Promise<void>;
}

/**
 * A TCP port in front of an SMTP server that the test can make hang: in "hang" mode it accepts
 * each connection and then says nothing (no greeting), as a wedged mail server or a firewall
 * that swallows packets does; switched to pass, new connections reach the real server.
 */
export async function startSmtpGate(): Promise<SmtpGate> {
  let mode: "hang" | { passTo: number } = "hang";
  let count = 0;
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    count += 1;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    if (mode === "hang") return;
    const upstream = connect(mode.passTo, "127.0.0.1");
    upstream.on("error", () => socket.destroy());
    socket.pipe(upstream).pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    connections: () => count,
    setMode: (next) => (mode = next),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
