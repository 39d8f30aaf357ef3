import { describe, expect, it } from "vitest";
import { signInErrorMessage } from "./sign-in-messages";

describe("signInErrorMessage", () => {
  it("asks a person refused because the portal is busy to try again shortly", () => {
    expect(signInErrorMessage("SERVICE_UNAVAILABLE")).toMatch(/busy[\s\S]*try again shortly/i);
  });

  it("keeps wrong credentials apart from a busy portal", () => {
    expect(signInErrorMessage("CredentialsSignin")).toBe("Invalid email or password");
    expect(signInErrorMessage(null)).toBeNull();
  });
});
