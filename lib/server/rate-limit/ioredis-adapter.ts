import "server-only";
import { createHash } from "node:crypto";
import type { Redis } from "ioredis";
import type { RatelimitRedis } from "./upstash-store";

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

/**
 * @upstash/ratelimit 2.2.0's Lua scripts begin with `#!lua flags=allow-key-locking`, a line only
 * Upstash's servers accept; stock Redis rejects the script. This adapter drops that line and
 * remembers which stripped script each of the library's hashes stands for, so EVALSHA works
 * after the first EVAL instead of failing with NOSCRIPT on every call.
 */
export function stripLuaShebang(script: string): string {
  return script.startsWith("#!") ? script.slice(script.indexOf("\n") + 1) : script;
}

export function ratelimitRedisFromIoredis(client: Redis): RatelimitRedis {
  const strippedShaByLibraryHash = new Map<string, string>();
  return {
    async eval(script, keys, args) {
      const stripped = stripLuaShebang(script);
      const result = await client.eval(stripped, keys.length, ...keys, ...args.map(String));
      strippedShaByLibraryHash.set(sha1(script), sha1(stripped));
      return result;
    },
    async evalsha(hash, keys, args) {
      const sha = strippedShaByLibraryHash.get(hash);
      // The library answers NOSCRIPT with EVAL, which teaches us the script.
      if (!sha) throw new Error("NOSCRIPT script not yet loaded through this adapter");
      return client.evalsha(sha, keys.length, ...keys, ...args.map(String));
    },
    set: (key, value, { px }) => client.set(key, value, "PX", px, "NX"),
    pttl: (key) => client.pttl(key),
  };
}
