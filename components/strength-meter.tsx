"use client";

import { useEffect, useState } from "react";
import { loadStrengthEstimator, STRENGTH_LABELS, type StrengthEstimate } from "@/lib/password-strength";

interface Props {
  password: string;
  /** Words the password should not be built from: the person's email, name. */
  userInputs: string[];
  id: string;
}

/**
 * Guides instead of imposing composition rules. The verdict is announced politely, so screen
 * reader users hear it after they pause typing rather than on every key.
 */
export function StrengthMeter({ password, userInputs, id }: Props) {
  const [estimate, setEstimate] = useState<StrengthEstimate | null>(null);
  const inputsKey = userInputs.join("\u0000");

  useEffect(() => {
    if (!password) {
      setEstimate(null);
      return;
    }
    let current = true;
    void loadStrengthEstimator().then((estimateStrength) => {
      if (current) setEstimate(estimateStrength(password, inputsKey.split("\u0000")));
    });
    return () => {
      current = false;
    };
  }, [password, inputsKey]);

  const score = estimate?.score ?? 0;
  return (
    <div className="strength" id={id} data-testid="strength-meter">
      <meter min={0} max={4} low={2} high={3} optimum={4} value={password ? score : 0} aria-label="Password strength" />
      <p className="hint" aria-live="polite">
        {!password ? "Strength: —" : estimate ? `Strength: ${STRENGTH_LABELS[score]}` : "Checking strength…"}
        {estimate?.warning ? ` — ${estimate.warning}` : ""}
      </p>
      {estimate && estimate.score < 3 && estimate.suggestions.length > 0 && (
        <ul className="hint suggestions">
          {estimate.suggestions.map((suggestion) => (
            <li key={suggestion}>{suggestion}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
