import { unstable_doesMiddlewareMatch as runsProxy } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import { config } from "@/proxy";
import { DOCUMENTED_ROUTES, REFUSED_METHOD_HEADER } from "./served-routes";

const example = (template: string) => template.replace(/\{[^}]+\}/g, "abc");

describe("the proxy's matcher", () => {
  it("skips every API path (the route's own guard answers there)", () => {
    for (const path of [...Object.keys(DOCUMENTED_ROUTES).map(example), "/api", "/api/no-such-path", "/api/auth/session"]) {
      expect(runsProxy({ config, url: path }), path).toBe(false);
    }
  });

  it("runs for an API request server.ts marks as a method its path lacks", () => {
    for (const path of [...Object.keys(DOCUMENTED_ROUTES).map(example), "/api/auth/session", "/api/no-such-path"]) {
      expect(runsProxy({ config, url: path, headers: { [REFUSED_METHOD_HEADER]: "1" } }), path).toBe(true);
    }
  });

  it("runs for pages, other paths beside the seeds' included, and not for static files", () => {
    for (const path of ["/", "/sign-in", "/account", "/docs/api", "/auth/v1/users/me/password-x", "/v1/users/profile", "/apis", "/api-keys"]) {
      expect(runsProxy({ config, url: path }), path).toBe(true);
    }
    expect(runsProxy({ config, url: "/_next/static/chunks/main.js" })).toBe(false);
  });
});
