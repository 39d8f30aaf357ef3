/** Strength estimates for the meter. zxcvbn and its dictionaries (~1.5 MB) load on first use only. */
export interface StrengthEstimate {
  /** 0 (guessable in seconds) to 4 (very unlikely to be guessed). */
  score: 0 | 1 | 2 | 3 | 4;
  warning: string | null;
  suggestions: string[];
}

type Estimator = (password: string, userInputs: string[]) => StrengthEstimate;

let estimator: Promise<Estimator> | undefined;

export function loadStrengthEstimator(): Promise<Estimator> {
  estimator ??= Promise.all([
    import("@zxcvbn-ts/core"),
    import("@zxcvbn-ts/language-common"),
    import("@zxcvbn-ts/language-en"),
  ]).then(([core, common, en]) => {
    core.zxcvbnOptions.setOptions({
      translations: en.translations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...en.dictionary },
    });
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
