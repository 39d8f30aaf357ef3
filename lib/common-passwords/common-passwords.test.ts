import { dictionary } from "@zxcvbn-ts/language-common";
import { describe, expect, it } from "vitest";
import { isCommonPassword as inBrowser } from "./browser";
import { isCommonPassword as onServer } from "./server";
import { TRIMMED_DICTIONARY } from "../password-strength/dictionary.generated";

describe("the browser's common-password list", () => {
  it("refuses nothing the server accepts: it is the top of the server's list, in its order", () => {
    // A language-common upgrade without `npm run strength:dictionary` would break this.
    const trimmed = TRIMMED_DICTIONARY.passwords.split("\n");
    expect(trimmed.length).toBe(15_000);
    expect(trimmed).toEqual((dictionary.passwords as string[]).slice(0, trimmed.length));
  });

  it("knows the most common passwords, in any case and width, as the server does", async () => {
    for (const password of ["password1", "Password123", "QWERTYUIOP", "ｐａｓｓｗｏｒｄ"]) {
      expect([password, await inBrowser(password), await onServer(password)]).toEqual([password, true, true]);
    }
  });

  it("leaves the rarer ones to the server", async () => {
    const rare = (dictionary.passwords as string[]).at(-1)!;
    expect([await inBrowser(rare), await onServer(rare)]).toEqual([false, true]);
    expect([await inBrowser("SecurePass123"), await onServer("SecurePass123")]).toEqual([false, false]);
  });
});
