// What other features may use of two-step verification.
export { answerSignInChallenge, openSignInChallenge, type OpenedChallenge } from "./sign-in-challenge";
export { hasSecondFactor, type SecondFactorMethod } from "./two-factor";
