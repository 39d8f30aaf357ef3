/** The shape every API error has on the wire (docs/api.md, Wire format). */
export interface ApiErrorBody {
  message: string;
  code?: string;
  errors?: Record<string, string[]>;
  requestId?: string;
}

export type ApiResult<T> = { ok: true; status: number; body: T } | { ok: false; status: number; body: ApiErrorBody };

/** What a person should read when the server says 429, with the wait its Retry-After gives. */
export function tooManyRequestsMessage(retryAfterSeconds: number | null): string {
  if (!retryAfterSeconds || !Number.isFinite(retryAfterSeconds)) return "Too many attempts. Wait a few minutes, then try again.";
  if (retryAfterSeconds < 60) return `Too many attempts. Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`;
  const minutes = Math.ceil(retryAfterSeconds / 60);
  if (minutes < 120) return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  return `Too many attempts. Try again in ${Math.ceil(minutes / 60)} hours.`;
}

/** Calls the portal's own API from a form, turning network failures into a readable error. */
export async function callApi<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    return { ok: false, status: 0, body: { message: "Could not reach the server. Check your connection and try again." } };
  }
  const parsed = (await response.json().catch(() => ({ message: "Unexpected response from the server" }))) as T & ApiErrorBody;
  if (response.status === 429) parsed.message = tooManyRequestsMessage(Number(response.headers.get("retry-after")) || null);
  return response.ok ? { ok: true, status: response.status, body: parsed } : { ok: false, status: response.status, body: parsed };
}
