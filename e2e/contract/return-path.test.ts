import { describe, expect, it } from "vitest";
import { apiClient, backends, browserSessionCookie, cookiePair, signedUpUser } from "./client";

/**
 * callbackUrl values as they travel in a query string or form (already percent-encoded), each
 * one a way to leave the site: browsers drop tabs and newlines and read "\" as "/", so
 * "/\t/evil.example" is "//evil.example", another host.
 */
const HOSTILE = [
  "%2F%09%2Fevil.example",
  "/%09/evil",
  "/%0a/evil.example",
  "/%0d%0a/evil.example",
  "//evil.example",
  "/%5Cevil.example",
  "%5C%5Cevil.example",
  "%20//evil.example",
  "%01//evil.example",
  "/account/..//evil.example",
  "https://evil.example",
  "http://127.0.0.1:1/x",
  "javascript:alert(1)",
];

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** Where a Location (or next-auth's `url`) sends the browser, read as the browser reads it. */
function destination(location: string | null | undefined, serverUrl: string) {
  expect(location).toBeTruthy();
  expect(location).not.toMatch(CONTROL_CHARACTERS);
  const url = new URL(location!, serverUrl);
  return { origin: url.origin, path: `${url.pathname}${url.search}${url.hash}` };
}

describe.each(backends)("return paths after sign-in ($name)", ({ url: serverUrl }) => {
  const api = apiClient(serverUrl);
  const origin = new URL(serverUrl).origin;

  async function signedInCookie() {
    const { email, password } = await signedUpUser(api);
    return { email, password, cookie: await browserSessionCookie(serverUrl, email, password) };
  }

  async function pageLocation(page: string, rawCallbackUrl: string, cookie: string) {
    const response = await fetch(`${serverUrl}${page}?callbackUrl=${rawCallbackUrl}`, { headers: { cookie }, redirect: "manual" });
    expect(response.status, `${page}?callbackUrl=${rawCallbackUrl}`).toBeGreaterThanOrEqual(300);
    expect(response.status).toBeLessThan(400);
    return response.headers.get("location");
  }

  it.each(["/sign-in", "/sign-up"])("%s sends a signed-in visitor to /account instead of a hostile callbackUrl", async (page) => {
    const { cookie } = await signedInCookie();
    for (const hostile of HOSTILE) {
      const where = destination(await pageLocation(page, hostile, cookie), serverUrl);
      expect({ hostile, ...where }).toEqual({ hostile, origin, path: "/account" });
    }
  });

  it.each(["/sign-in", "/sign-up"])("%s keeps a callbackUrl on this site, with its query and fragment", async (page) => {
    const { cookie } = await signedInCookie();
    for (const good of [encodeURIComponent("/account?x=1#y"), encodeURIComponent(`${serverUrl}/account?tab=sessions`)]) {
      const where = destination(await pageLocation(page, good, cookie), serverUrl);
      expect(where).toEqual({ origin, path: decodeURIComponent(good).replace(serverUrl, "") });
    }
  });

  async function nextAuthSignIn(email: string, password: string, rawCallbackUrl: string) {
    const csrf = await fetch(`${serverUrl}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const form = new URLSearchParams({ csrfToken, email, password, json: "true" }).toString();
    const response = await fetch(`${serverUrl}/api/auth/callback/credentials`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: csrf.headers.getSetCookie().map(cookiePair).join("; "),
      },
      body: `${form}&callbackUrl=${rawCallbackUrl}`,
      redirect: "manual",
    });
    expect(response.status, `callbackUrl=${rawCallbackUrl}`).toBe(200);
    return ((await response.json()) as { url?: string }).url;
  }

  it("next-auth's sign-in answers a hostile callbackUrl with /account on this site", async () => {
    const { email, password } = await signedUpUser(api);
    for (const hostile of HOSTILE) {
      const where = destination(await nextAuthSignIn(email, password, hostile), serverUrl);
      expect({ hostile, ...where }).toEqual({ hostile, origin, path: "/account" });
    }
  });

  it("next-auth's sign-in keeps a callbackUrl on this site", async () => {
    const { email, password } = await signedUpUser(api);
    const where = destination(await nextAuthSignIn(email, password, encodeURIComponent("/account?x=1#y")), serverUrl);
    expect(where).toEqual({ origin, path: "/account?x=1#y" });
  });
});
