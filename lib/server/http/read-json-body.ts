import "server-only";
import { AppError } from "../errors";

export const MAX_BODY_BYTES = 16 * 1024;

function isJsonContentType(value: string | null): boolean {
  const mediaType = value?.split(";")[0]?.trim().toLowerCase();
  return mediaType === "application/json";
}

/**
 * Reads at most MAX_BODY_BYTES, whatever Content-Length claims, and stops as soon as it is over
 * (413 PAYLOAD_TOO_LARGE): the API's JSON and next-auth's form posts alike.
 */
export async function readLimitedText(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length"));
  if (declared > MAX_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE");
  if (!request.body) return "";

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new AppError("PAYLOAD_TOO_LARGE");
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}

/** The request's JSON object, or the contract's 413 / 415 / MALFORMED_JSON error. */
export async function readJsonBody(request: Request): Promise<Record<string, unknown>> {
  if (!isJsonContentType(request.headers.get("content-type"))) throw new AppError("UNSUPPORTED_MEDIA_TYPE");
  const text = await readLimitedText(request);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppError("MALFORMED_JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new AppError("MALFORMED_JSON");
  return parsed as Record<string, unknown>;
}
