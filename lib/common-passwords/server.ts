// The policy's common-password list on the server (and in Node: tests, scripts): all 49,000
// entries of @zxcvbn-ts/language-common. package.json's "imports" gives browsers ./browser.ts
// instead, so this list never reaches a client bundle.

let commonPasswords: Promise<Set<string>> | undefined;

/** Loaded on first use: most requests check no password. */
function loadCommonPasswords(): Promise<Set<string>> {
  commonPasswords ??= import("@zxcvbn-ts/language-common").then(({ dictionary }) => new Set(dictionary.passwords as string[]));
  return commonPasswords;
}

/** Whether the password, NFKC-normalised and lower-cased by the caller or not, is on the list. */
export async function isCommonPassword(password: string): Promise<boolean> {
  return (await loadCommonPasswords()).has(password.normalize("NFKC").toLowerCase());
}
