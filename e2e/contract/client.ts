import { randomBytes, randomUUID } from "node:crypto";
import { inject } from "vitest";
import { assertDocumented } from "@/lib/testing/openapi-validator";

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

/**
 * A thin HTTP client for one running server, speaking the contract's JSON. Every answer is checked
 * against the OpenAPI document (lib/testing/openapi-validator.ts): one it does not describe fails the test.
 */
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
    assertDocumented({ method, url: `${baseUrl}${path}`, status: response.status, headers: response.headers, text });
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
    changePassword: (body: unknown, options?: RequestOptions) => request("PATCH", "/api/v1/user/password", body, options),
    sessions: (options?: RequestOptions) => request("GET", "/api/v1/user/sessions", undefined, options),
    securityEvents: (options?: RequestOptions) => request("GET", "/api/v1/user/security-events", undefined, options),
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

function cookiePairs(response: Response): string[] {
  return response.headers.getSetCookie().map(cookiePair);
}

/**
 * Signs in through next-auth's Credentials provider, as the sign-in page does, and returns the
 * Cookie header of the resulting browser session.
 */
export async function browserSessionCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiePairs(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    redirect: "manual",
  });
  // `__Host-next-auth.session-token` on an https site.
  const session = cookiePairs(response).find((pair) => /^(__Host-)?next-auth\.session-token=/.test(pair));
  if (!session) throw new Error(`next-auth sign-in failed (${response.status})`);
  return session;
}
