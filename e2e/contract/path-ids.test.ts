import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DOCUMENTED_ROUTES } from "@/lib/served-routes";
import { apiClient, backends, bearer, signedUpUser } from "./client";

/** Every documented operation with a path parameter, from the route table itself: a new one is fuzzed too. */
const WITH_PATH_IDS = Object.entries(DOCUMENTED_ROUTES)
  .filter(([template]) => template.includes("{"))
  .flatMap(([template, methods]) => methods.map((method) => [method, template] as const));

const encodable = (text: string) => {
  try {
    return encodeURIComponent(text).length > 0;
  } catch {
    return false; // a lone surrogate: no client can put it in a URL
  }
};

const fill = (template: string, id: string) => template.replace(/\{[^}]+\}/g, encodeURIComponent(id));

const NAMED_BAD_IDS = ["\u0000", "%00", "a\u0000b", "00000000-0000-0000-0000-00000000000\u0000", "' OR 1=1 --", "é", "x".repeat(5000), "00000000-0000-0000-0000-0000000000000"];

describe.each(backends)("path ids on $name", ({ url }) => {
  const api = apiClient(url);

  it("the table has operations to fuzz", () => {
    expect(WITH_PATH_IDS.length).toBeGreaterThanOrEqual(2);
  });

  it.each(WITH_PATH_IDS)("%s %s: an id of any other shape than a row id is 404 NOT_FOUND, never a 5xx", async (method, template) => {
    const { token } = await signedUpUser(api);
    for (const id of NAMED_BAD_IDS) {
      const response = await api.request(method, fill(template, id), undefined, { headers: bearer(token) });
      expect(response.status, JSON.stringify(id)).toBe(404);
      expect(response.body.code).toBe("NOT_FOUND");
    }
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", minLength: 1, maxLength: 60 }).filter((id) => encodable(id) && id !== "." && id !== ".."), async (id) => {
        const response = await api.request(method, fill(template, id), undefined, { headers: bearer(token) });
        // ("." and ".." are dot segments the client's URL resolves away: another path, not an id.)
        expect(response.status).toBeLessThan(500);
        if (!/[/.\\?#%]/.test(id)) expect(response.body.code).toBe("NOT_FOUND");
      }),
      { numRuns: 40 },
    );
    // A well-formed id that is no row of the caller's is 404 too, and the caller's session still works.
    expect((await api.request(method, fill(template, crypto.randomUUID()), undefined, { headers: bearer(token) })).status).toBe(404);
    expect((await api.check({ headers: bearer(token) })).status).toBe(200);
  });

  it.each(WITH_PATH_IDS)("%s %s: an anonymous caller is told 401 first, whatever the id", async (method, template) => {
    const response = await api.request(method, fill(template, "\u0000"));
    expect(response.status).toBe(401);
  });
});
