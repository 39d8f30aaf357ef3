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
  it("maps absent, empty and non-string fields to MISSING_PARAMETERS with every field named", async () => {
    const error = await errorOf(loginSchema, { email: "", password: 12 });
    expect(error.code).toBe("MISSING_PARAMETERS");
    expect(error.fieldErrors).toEqual({ email: ["This field is required"], password: ["This field is required"] });
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
