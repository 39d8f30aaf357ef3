import { randomBytes, randomUUID } from "node:crypto";
import { inject } from "vitest";

export const backends = inject("backends");

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  body: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface RequestOptions {
  headers?: Record<string, string>;
  /** Sent as is instead of JSON.stringify(json). */
  raw?: string;
}

/** A thin HTTP client for one running server, speaking the contract's JSON. */
export function apiClient(baseUrl: string) {
  async function request(method: string, path: string, json?: unknown, options: RequestOptions = {}): Promise<ApiResponse> {
    const hasBody = json !== undefined || options.raw !== undefined;
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(hasBody ? { "content-type": "application/json" } : {}), ...options.headers },
      body: options.raw ?? (json === undefined ? undefined : JSON.stringify(json)),
      redirect: "manual",
    });
    const text = await response.text();
    let body: ApiResponse["body"] = {};
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: the test that cares looks at `text`
    }
    return { status: response.status, headers: response.headers, text, body };
  }

  return {
    request,
    register: (body: unknown, options?: RequestOptions) => request("POST", "/api/v1/user/register", body, options),
    login: (body: unknown, options?: RequestOptions) => request("POST", "/api/v1/user/login", body, options),
    logout: (options?: RequestOptions) => request("POST", "/api/v1/user/logout", undefined, options),
    check: (options?: RequestOptions) => request("GET", "/api/v1/user/check", undefined, options),
  };
}

export type ApiClient = ReturnType<typeof apiClient>;

export function uniqueEmail(tag = "user"): string {
  return `${tag}-${randomUUID()}@example.com`;
}

/** A password no list contains, unique to one test. */
export function strongPassword(): string {
  return `Tidal-${randomBytes(9).toString("base64url")}-orbit`;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Registers a fresh account and signs it in through the API. */
export async function signedUpUser(api: ApiClient, name = "Test User") {
  const email = uniqueEmail();
  const password = strongPassword();
  const registered = await api.register({ email, password, name });
  if (registered.status !== 201) throw new Error(`register failed: ${registered.text}`);
  const login = await api.login({ email, password });
  if (login.status !== 200) throw new Error(`login failed: ${login.text}`);
  return { email, password, token: login.body.token as string, user: login.body.user, cookie: login.headers.get("set-cookie")! };
}

/** The `name=value` pair of a Set-Cookie header, for sending back as a Cookie header. */
export function cookiePair(setCookie: string): string {
  return setCookie.split(";")[0]!;
}
