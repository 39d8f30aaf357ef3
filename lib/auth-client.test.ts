import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { signInWithCredentials } from "./auth-client";

const ORIGIN = "http://portal.example";

/** Answers next-auth's two requests: the CSRF token, then the credentials callback. */
function nextAuthAnswers(callback: () => Promise<Response>) {
  const fetchMock = vi.fn(async (url: string) =>
    url.endsWith("/csrf") ? Response.json({ csrfToken: "csrf-123" }) : callback(),
  );
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

describe("signInWithCredentials", () => {
  beforeEach(() => vi.stubGlobal("window", { location: { href: `${ORIGIN}/sign-in`, origin: ORIGIN } }));
  afterEach(() => vi.unstubAllGlobals());

  it("posts what next-auth/react's signIn posts: the credentials, the CSRF token, callbackUrl and json", async () => {
    const fetchMock = nextAuthAnswers(async () => Response.json({ url: `${ORIGIN}/sign-in` }));
    expect(await signInWithCredentials({ email: "ada@example.com", password: "pw" })).toEqual({ ok: true, error: null });
    const [url, init] = fetchMock.mock.calls[1] as unknown as [string, RequestInit];
    expect(url).toBe("/api/auth/callback/credentials");
    expect(Object.fromEntries(init.body as URLSearchParams)).toEqual({
      email: "ada@example.com",
      password: "pw",
      csrfToken: "csrf-123",
      callbackUrl: `${ORIGIN}/sign-in`,
      json: "true",
    });
  });

  it("reads the error code from the url next-auth answers with", async () => {
    nextAuthAnswers(async () => Response.json({ url: `${ORIGIN}/api/auth/error?error=CredentialsSignin` }, { status: 401 }));
    expect(await signInWithCredentials({ email: "a@b.example", password: "x" })).toEqual({ ok: false, error: "CredentialsSignin" });
  });

  it("says Unknown when the network fails or the answer has no url", async () => {
    nextAuthAnswers(async () => Promise.reject(new TypeError("Failed to fetch")));
    expect(await signInWithCredentials({ email: "a@b.example", password: "x" })).toEqual({ ok: false, error: "Unknown" });
    nextAuthAnswers(async () => new Response("<html>bad gateway</html>", { status: 502 }));
    expect(await signInWithCredentials({ email: "a@b.example", password: "x" })).toEqual({ ok: false, error: "Unknown" });
  });
});
