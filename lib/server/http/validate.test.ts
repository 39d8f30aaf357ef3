import { describe, expect, it } from "vitest";
import { z } from "zod";
import { loginSchema, registerSchema } from "@/lib/schemas/auth";
import { AppError } from "../errors";
import { validate } from "./validate";

async function errorOf(schema: z.ZodType, input: unknown): Promise<AppError> {
  try {
    await validate(schema, input);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("validation passed");
}

describe("validate", () => {
  it("maps absent, null and empty fields to MISSING_PARAMETERS with every field named", async () => {
    const error = await errorOf(loginSchema, { email: "", password: null });
    expect(error.code).toBe("MISSING_PARAMETERS");
    expect(error.fieldErrors).toEqual({ email: ["This field is required"], password: ["This field is required"] });
    expect((await errorOf(loginSchema, { password: "p" })).fieldErrors).toEqual({ email: ["This field is required"] });
  });

  it("maps a present field of the wrong type to INVALID_PARAMETERS saying what was expected", async () => {
    const error = await errorOf(loginSchema, { email: 5, password: ["x"] });
    expect(error.code).toBe("INVALID_PARAMETERS");
    expect(error.fieldErrors).toEqual({ email: ["Expected text, got a number"], password: ["Expected text, got a list"] });
  });

  it("still names a missing field first when another has the wrong type", async () => {
    const error = await errorOf(loginSchema, { email: true });
    expect(error.code).toBe("MISSING_PARAMETERS");
    expect(error.fieldErrors).toEqual({ password: ["This field is required"] });
  });

  it("reports missing fields before policy problems", async () => {
    const error = await errorOf(registerSchema, { email: "", password: "password" });
    expect(error.code).toBe("MISSING_PARAMETERS");
    expect(Object.keys(error.fieldErrors!)).toEqual(["email"]);
  });

  it("maps a malformed email to INVALID_PARAMETERS", async () => {
    const error = await errorOf(registerSchema, { email: "nope", password: "lantern-orchid-velvet" });
    expect(error.code).toBe("INVALID_PARAMETERS");
    expect(error.fieldErrors).toEqual({ email: ["Enter a valid email address"] });
  });

  it("maps policy problems to WEAK_PASSWORD listing every reason", async () => {
    const error = await errorOf(registerSchema, { email: "ada@example.com", password: "ada" });
    expect(error.code).toBe("WEAK_PASSWORD");
    expect(error.fieldErrors!.password).toEqual(
      expect.arrayContaining(["Use at least 8 characters", "Do not use your email address as your password"]),
    );
  });

  it("returns the parsed, normalised value when the input is valid", async () => {
    await expect(validate(loginSchema, { email: "a@b.c", password: "p", extra: 1 })).resolves.toEqual({ email: "a@b.c", password: "p" });
  });
});
