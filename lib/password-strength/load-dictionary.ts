// The meter's trimmed dictionary and keyboard graphs (dictionary.generated.ts, ~120 kB gzipped),
// loaded on first use: by the meter on the first keystroke, and by the browser's common-password check.
import type { OptionsGraph } from "@zxcvbn-ts/core";

export interface StrengthDictionary {
  passwords: string[];
  commonWords: string[];
  firstnames: string[];
  lastnames: string[];
  wikipedia: string[];
}

export interface StrengthData {
  dictionary: StrengthDictionary;
  graphs: OptionsGraph;
}

let data: Promise<StrengthData> | undefined;

export function loadStrengthData(): Promise<StrengthData> {
  data ??= import("./dictionary.generated").then(({ TRIMMED_DICTIONARY: lists, ADJACENCY_GRAPHS }) => ({
    dictionary: {
      passwords: lists.passwords.split("\n"),
      commonWords: lists.commonWords.split("\n"),
      firstnames: lists.firstnames.split("\n"),
      lastnames: lists.lastnames.split("\n"),
      wikipedia: lists.wikipedia.split("\n"),
    },
    graphs: ADJACENCY_GRAPHS as OptionsGraph,
  }));
  // A failed download (offline for a moment) is tried again at the next use, not remembered.
  data.catch(() => (data = undefined));
  return data;
}

/**
 * Starts the download where a new password is about to be typed without a meter (sign-up): the
 * policy's check at submit then finds the list here instead of fetching ~120 kB before answering.
 */
export function preloadStrengthData(): void {
  loadStrengthData().catch(() => undefined);
}
