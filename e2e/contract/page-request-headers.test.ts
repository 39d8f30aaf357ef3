import { describe, expect, inject, it } from "vitest";

const limitsServers = inject("limitsServers");

// The router-state header of a client navigation from /sign-in, in the shape Next's router sends
// (Next.js answers 500 to one it cannot parse).
const ROUTER_STATE_TREE = encodeURIComponent(JSON.stringify(["", { children: ["(auth)", { children: ["sign-in", { children: ["__PAGE__", {}] }] }] }, null, null, 1]));

/** What browsers and Next's router add to a page request: none of it may skip proxy.ts. */
const REQUEST_KINDS: Record<string, Record<string, string>> = {
  "a plain page request": {},
  "Purpose: prefetch": { purpose: "prefetch" },
  "Sec-Purpose: prefetch": { "sec-purpose": "prefetch" },
  "Next-Router-Prefetch: 1": { rsc: "1", "next-router-prefetch": "1", "next-router-state-tree": ROUTER_STATE_TREE },
  "RSC: 1": { rsc: "1" },
  "RSC: 1 with Next-Router-State-Tree": { rsc: "1", "next-router-state-tree": ROUTER_STATE_TREE },
};

const PAGES = ["/sign-in", "/sign-up", "/forgot-password", "/account"];

describe.each(limitsServers)("page requests whatever their headers ($store)", ({ url }) => {
  async function get(path: string, client: string, headers: Record<string, string>, redirect: RequestRedirect = "manual") {
    const response = await fetch(`${url}${path}`, { headers: { "x-forwarded-for": client, ...headers }, redirect });
    await response.arrayBuffer();
    return response;
  }

  it.each(Object.entries(REQUEST_KINDS))("refuses a denied address with 403 on %s", async (_kind, headers) => {
    for (const path of PAGES) {
      const response = await get(path, "203.0.113.9", headers);
      expect({ path, status: response.status }).toEqual({ path, status: 403 });
    }
  });

  // Next.js first redirects a router request to the same URL with its `_rsc` cache-busting
  // parameter: these follow redirects to the page, or payload, itself.
  it.each(Object.entries(REQUEST_KINDS))("answers %s with a nonce Content-Security-Policy", async (_kind, headers) => {
    for (const path of PAGES) {
      const response = await get(path, "198.51.100.23", headers, "follow");
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
      expect(response.headers.get("content-security-policy"), path).toMatch(/script-src 'self' 'nonce-[^']+'/);
    }
  });

  it.each(["RSC: 1", "Next-Router-Prefetch: 1", "RSC: 1 with Next-Router-State-Tree"])(
    "still answers %s with the React Server Components payload",
    async (kind) => {
      const response = await get("/sign-up", "198.51.100.23", REQUEST_KINDS[kind]!, "follow");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/x-component");
    },
  );
});
