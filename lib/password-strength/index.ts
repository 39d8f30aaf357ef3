/**
 * Strength estimates for the meter. zxcvbn-ts's matchers with a trimmed dictionary (the most
 * common passwords, words and names: see scripts/strength-dictionary.ts), ~130 kB gzipped in all,
 * loaded on first use only.
 */
export interface StrengthEstimate {
  /** 0 (guessable in seconds) to 4 (very unlikely to be guessed). */
  score: 0 | 1 | 2 | 3 | 4;
  warning: string | null;
  suggestions: string[];
}

export type Estimator = (password: string, userInputs: string[]) => StrengthEstimate;

let estimator: Promise<Estimator> | undefined;

export function loadStrengthEstimator(): Promise<Estimator> {
  estimator ??= Promise.all([
    import("@zxcvbn-ts/core"),
    import("./load-dictionary").then(({ loadStrengthData }) => loadStrengthData()),
    // The package's index would bring its full word lists along: its translations alone.
    import("@zxcvbn-ts/language-en/dist/translations"),
  ]).then(([core, { dictionary, graphs }, { default: translations }]) => {
    core.zxcvbnOptions.setOptions({ translations, graphs, dictionary: { ...dictionary } });
    return (password, userInputs) => {
      const result = core.zxcvbn(password, userInputs);
      return {
        score: result.score,
        warning: result.feedback.warning || null,
        suggestions: result.feedback.suggestions,
      };
    };
  });
  return estimator;
}

export const STRENGTH_LABELS = ["Very weak", "Weak", "Fair", "Strong", "Very strong"] as const;
