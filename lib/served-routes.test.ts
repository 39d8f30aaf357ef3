import { describe, expect, it } from "vitest";
import { allowedMethods, disallowedMethod, documentedRoute, isRefusedMethod, servedRoute } from "./served-routes";

describe("documentedRoute", () => {
  it("matches a template's parameter to one segment", () => {
    expect(documentedRoute("/api/v1/user/sessions/abc")).toEqual({ template: "/api/v1/user/sessions/{id}", methods: ["DELETE"] });
    expect(documentedRoute("/api/v1/user/sessions/abc/def")).toBeUndefined();
  });

  it("prefers a literal segment over a parameter, as Next's router does", () => {
    expect(documentedRoute("/api/v1/user/sessions/revoke-others")?.template).toBe("/api/v1/user/sessions/revoke-others");
  });

  it("knows nothing of pages or next-auth", () => {
    expect(documentedRoute("/sign-in")).toBeUndefined();
    expect(documentedRoute("/api/auth/session")).toBeUndefined();
  });

  it("allows HEAD beside GET, and OPTIONS everywhere (Next answers both)", () => {
    expect(allowedMethods(documentedRoute("/api/health")!)).toEqual(["GET", "HEAD", "OPTIONS"]);
    expect(allowedMethods(documentedRoute("/api/v1/user/login")!)).toEqual(["POST", "OPTIONS"]);
  });
});

describe("disallowedMethod", () => {
  it("gives the Allow list for a method the path lacks, next-auth's paths included", () => {
    expect(disallowedMethod("/api/v1/user/check", "PUT")).toEqual(["GET", "HEAD", "OPTIONS"]);
    expect(disallowedMethod("/api/v1/user/check", "TRACE")).toEqual(["GET", "HEAD", "OPTIONS"]);
    expect(disallowedMethod("/api/auth/session", "DELETE")).toEqual(["GET", "POST", "HEAD", "OPTIONS"]);
    expect(servedRoute("/api/auth/session")?.template).toBe("/api/auth/{nextauth}");
  });

  it("is undefined for a method the path has, and for paths it does not serve", () => {
    expect(disallowedMethod("/api/v1/user/check", "GET")).toBeUndefined();
    expect(disallowedMethod("/api/v1/user/check", "HEAD")).toBeUndefined();
    expect(disallowedMethod("/api/v1/user/login", "OPTIONS")).toBeUndefined();
    expect(disallowedMethod("/api/no-such-path", "PUT")).toBeUndefined();
    expect(disallowedMethod("/sign-in", "PUT")).toBeUndefined();
  });
});

describe("isRefusedMethod", () => {
  it("names a method a served path lacks, and a method no route takes on any other API path", () => {
    expect(isRefusedMethod("/api/v1/user/check", "PUT")).toBe(true);
    expect(isRefusedMethod("/auth/v1/users/me/password", "PATCH")).toBe(true);
    expect(isRefusedMethod("/api/no-such-path", "PROPFIND")).toBe(true);
    expect(isRefusedMethod("/api", "TRACE")).toBe(true);
  });

  it("leaves to the routes what they answer themselves", () => {
    expect(isRefusedMethod("/api/v1/user/check", "GET")).toBe(false);
    expect(isRefusedMethod("/api/v1/user/check", "OPTIONS")).toBe(false);
    expect(isRefusedMethod("/api/no-such-path", "PUT")).toBe(false);
    expect(isRefusedMethod("/sign-in", "PROPFIND")).toBe(false);
  });
});
