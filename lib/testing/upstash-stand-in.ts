import { createHash } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Redis } from "ioredis";
import { stripLuaShebang } from "@/lib/server/rate-limit/ioredis-adapter";

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

/** Upstash answers strings base64-encoded when the client asks (as @upstash/redis does). */
function encode(value: unknown): unknown {
  if (typeof value === "string") return Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map(encode);
  return value;
}

/**
 * A local stand-in for Upstash's REST API, in front of the test Redis: one command per POST as
 * a JSON array (or a batch of them at /pipeline), Bearer token, base64 results, and Upstash's acceptance of `#!lua` script headers
 * and its script cache. Only what the rate-limit store uses; Upstash itself is not reachable here.
 */
export async function startUpstashStandIn(redis: Redis, token: string) {
  const scripts = new Map<string, string>();
  const run = async ([name, ...args]: unknown[]): Promise<unknown> => {
    const command = String(name).toLowerCase();
    const rest = args.map(String);
    if (command === "eval") {
      scripts.set(sha1(rest[0]!), rest[0]!);
      return redis.call("eval", stripLuaShebang(rest[0]!), ...rest.slice(1));
    }
    if (command === "evalsha") {
      const script = scripts.get(rest[0]!);
      if (!script) throw new Error("NOSCRIPT No matching script. Please use EVAL.");
      return redis.call("eval", stripLuaShebang(script), ...rest.slice(1));
    }
    return redis.call(command, ...rest);
  };
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", async () => {
      response.setHeader("content-type", "application/json");
      if (request.headers.authorization !== `Bearer ${token}`) {
        response.statusCode = 401;
        return response.end(JSON.stringify({ error: "Unauthorized" }));
      }
      const base64 = request.headers["upstash-encoding"] === "base64";
      const answer = async (command: unknown[]) => {
        try {
          const result = await run(command);
          return { result: base64 ? encode(result) : result };
        } catch (error) {
          return { error: (error as Error).message };
        }
      };
      const parsed = JSON.parse(body) as unknown[];
      // @upstash/redis batches concurrent commands into one POST /pipeline; each gets its own answer.
      if (request.url === "/pipeline") return response.end(JSON.stringify(await Promise.all((parsed as unknown[][]).map(answer))));
      const single = await answer(parsed);
      if ("error" in single) response.statusCode = 400;
      response.end(JSON.stringify(single));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
