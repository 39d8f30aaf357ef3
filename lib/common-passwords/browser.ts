// The policy's common-password check in the browser: the strength meter's trimmed list (the most
// common entries of the server's list, see scripts/strength-dictionary.ts), loaded with the meter's
// dictionary on first use. A password past the trimmed list is refused by the server instead, and
// the form shows that answer on the field.
import { loadStrengthData } from "@/lib/password-strength/load-dictionary";

let commonPasswords: Promise<Set<string>> | undefined;

export async function isCommonPassword(password: string): Promise<boolean> {
  commonPasswords ??= loadStrengthData().then(({ dictionary }) => new Set(dictionary.passwords));
  return (await commonPasswords).has(password.normalize("NFKC").toLowerCase());
}
