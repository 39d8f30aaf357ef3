import { mkdtempSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REQUIRED_MESSAGE } from "@/lib/schemas/fields";
import { startDevServer, type AppServer } from "../support/app-server";

/** An IPv4 address of this machine other than loopback, if it has one. */
function nonLoopbackAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((entry) => entry && entry.family === "IPv4" && !entry.internal)?.address;
}

/** Whether a TCP connection to host:port is accepted ("refused" when nothing listens there). */
function tcpConnect(host: string, port: number): Promise<"accepted" | "refused"> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port, timeout: 5_000 });
    socket.once("connect", () => {
      socket.destroy();
      resolve("accepted");
    });
    socket.once("error", (error: NodeJS.ErrnoException) => (error.code === "ECONNREFUSED" ? resolve("refused") : reject(error)));
    socket.once("timeout", () => {
      socket.destroy();
      reject(new Error(`no answer from ${host}:${port}`));
    });
  });
}

// One development server for the whole file: Turbopack compiles each page on first request.
describe("the development server (npm run dev, HOST unset)", () => {
  let server: AppServer;
  beforeAll(async () => {
    server = await startDevServer(mkdtempSync(path.join(tmpdir(), "account-portal-dev-")), "/dev/outbox", { TRUST_PROXY: "1" });
  }, 300_000);
  afterAll(() => server?.stop());

  const port = () => Number(new URL(server.url).port);

  it("accepts connections on 127.0.0.1 and on no other address of this machine", async () => {
    expect(await tcpConnect("127.0.0.1", port())).toBe("accepted");
    // On Linux the whole of 127.0.0.0/8 reaches a server bound to every interface; one bound to
    // 127.0.0.1 answers there only.
    expect(await tcpConnect("127.0.0.2", port())).toBe("refused");
    const lanAddress = nonLoopbackAddress();
    // Not every machine has a network interface; 127.0.0.2 above already tells the two bindings apart.
    if (lanAddress) expect(await tcpConnect(lanAddress, port())).toBe("refused");
  });

  it("shows the outbox to loopback clients only", async () => {
    const outbox = (client: string) => fetch(`${server.url}/dev/outbox`, { headers: { "x-forwarded-for": client } });
    const fromLoopback = await outbox("127.0.0.1");
    expect(fromLoopback.status).toBe(200);
    expect(await fromLoopback.text()).toContain("Development outbox");
    for (const client of ["203.0.113.5", "::ffff:203.0.113.5", "2001:db8::5"]) {
      const response = await outbox(client);
      await response.arrayBuffer();
      expect({ client, status: response.status }).toEqual({ client, status: 404 });
    }
    for (const client of ["127.0.0.5", "::1", "::ffff:127.0.0.1"]) {
      const response = await outbox(client);
      await response.arrayBuffer();
      expect({ client, status: response.status }).toEqual({ client, status: 200 });
    }
  }, 120_000);

  // Next 16 refuses its development resources to a host it does not know, which leaves the pages
  // as dead HTML there: the form posts natively instead of showing its own messages.
  it("names, in the OpenAPI document, the address the reference was opened at first, then APP_URL", async () => {
    const servers = (host: string) =>
      new Promise<Array<{ url: string }>>((resolve, reject) => {
        const request = httpRequest({ host: "127.0.0.1", port: port(), path: "/api/openapi.json", headers: { host } }, (response) => {
          let text = "";
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => (text += chunk));
          response.on("end", () => resolve((JSON.parse(text) as { servers: Array<{ url: string }> }).servers));
        });
        request.on("error", reject);
        request.end();
      });
    // APP_URL unset: its default, http://localhost:PORT.
    const appUrl = `http://localhost:${port()}`;
    expect((await servers(`127.0.0.1:${port()}`)).map(({ url }) => url)).toEqual([`http://127.0.0.1:${port()}`, appUrl]);
    expect((await servers(`localhost:${port()}`)).map(({ url }) => url)).toEqual([appUrl]);
  }, 240_000);

  it("hydrates the sign-in form at 127.0.0.1 and at localhost", async () => {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
    });
    try {
      for (const host of ["127.0.0.1", "localhost"]) {
        const page = await browser.newPage();
        const sent: string[] = [];
        page.on("request", (request) => {
          if (request.method() !== "GET") sent.push(`${request.method()} ${request.url()}`);
        });
        await page.goto(`http://${host}:${port()}/sign-in`, { timeout: 240_000 });
        // Empty fields: the form's own schema answers, without a request to the server.
        await page.getByRole("button", { name: "Sign in" }).click();
        await page.getByText(REQUIRED_MESSAGE).first().waitFor({ timeout: 60_000 });
        expect({ host, sent }).toEqual({ host, sent: [] });
        await page.close();
      }
    } finally {
      await browser.close();
    }
  }, 420_000);
});
