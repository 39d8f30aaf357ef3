import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { MAX_BODY_BYTES, readJsonBody } from "./read-json-body";

function post(body: BodyInit | null, contentType: string | null = "application/json", headers: Record<string, string> = {}) {
  return new Request("http://localhost/api", {
    method: "POST",
    body,
    headers: { ...(contentType ? { "content-type": contentType } : {}), ...headers },
    duplex: "half",
  } as RequestInit);
}

async function codeOf(promise: Promise<unknown>) {
  try {
    await promise;
    return "ok";
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

describe("readJsonBody", () => {
  it("parses a JSON object", async () => {
    await expect(readJsonBody(post('{"a":1}'))).resolves.toEqual({ a: 1 });
  });

  it("rejects a missing or foreign content type with UNSUPPORTED_MEDIA_TYPE", async () => {
    expect(await codeOf(readJsonBody(post("{}", null)))).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(await codeOf(readJsonBody(post("{}", "text/json")))).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("rejects anything but an object with MALFORMED_JSON", async () => {
    for (const body of ["", "{", "[1]", "1", "null", '"x"']) {
      expect(await codeOf(readJsonBody(post(body)))).toBe("MALFORMED_JSON");
    }
  });

  it("accepts exactly the limit and rejects one byte more", async () => {
    const fill = (size: number) => `{"a":"${"x".repeat(size - 8)}"}`;
    expect(fill(MAX_BODY_BYTES)).toHaveLength(MAX_BODY_BYTES);
    expect(await codeOf(readJsonBody(post(fill(MAX_BODY_BYTES))))).toBe("ok");
    expect(await codeOf(readJsonBody(post(fill(MAX_BODY_BYTES + 1))))).toBe("PAYLOAD_TOO_LARGE");
  });

  it("stops reading a streamed body as soon as it passes the limit, whatever Content-Length said", async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(4096).fill(32));
        if (pulled > 1000) controller.close();
      },
    });
    expect(await codeOf(readJsonBody(post(stream)))).toBe("PAYLOAD_TOO_LARGE");
    expect(pulled).toBeLessThan(10);
  });

  it("rejects a declared Content-Length over the limit before reading", async () => {
    const request = post("{}", "application/json", { "content-length": String(MAX_BODY_BYTES + 1) });
    expect(await codeOf(readJsonBody(request))).toBe("PAYLOAD_TOO_LARGE");
  });
});
