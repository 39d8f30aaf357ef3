import { describe, expect, it } from "vitest";
import { openApiDocument } from "./document";
import { allowedMethods, documentedPath } from "./routes";

describe("documentedPath", () => {
  const document = openApiDocument();

  it("matches a template's parameter to one segment", () => {
    expect(documentedPath(document, "/api/v1/user/sessions/abc")).toEqual({ template: "/api/v1/user/sessions/{id}", methods: ["DELETE"] });
    expect(documentedPath(document, "/api/v1/user/sessions/abc/def")).toBeUndefined();
  });

  it("prefers a literal segment over a parameter, as Next's router does", () => {
    expect(documentedPath(document, "/api/v1/user/sessions/revoke-others")?.template).toBe("/api/v1/user/sessions/revoke-others");
  });

  it("knows nothing of pages or next-auth", () => {
    expect(documentedPath(document, "/sign-in")).toBeUndefined();
    expect(documentedPath(document, "/api/auth/session")).toBeUndefined();
  });

  it("allows HEAD beside GET, and OPTIONS everywhere (Next answers both)", () => {
    expect(allowedMethods(documentedPath(document, "/api/health")!)).toEqual(["GET", "HEAD", "OPTIONS"]);
    expect(allowedMethods(documentedPath(document, "/api/v1/user/login")!)).toEqual(["POST", "OPTIONS"]);
  });
});
