// What the reset steps say for the API's refusals, where the contract's own message would not help.
import { RESET_MAX_FAILED_ATTEMPTS } from "@/lib/reset-rules";

export const MESSAGES: Record<string, string> = {
  INVALID_OTP: "That code is not valid. It may be mistyped, expired, or replaced by a newer one.",
  INVALID_REQUEST: "This reset has expired or was already used. Please start again.",
  NO_ACCOUNT: "That email is not the one this reset was started for.",
};

/**
 * After five wrong codes the code is locked, and the API keeps answering INVALID_OTP (anything
 * else would tell which emails have a reset in progress); the page knows how many it sent.
 */
export const CODE_LOCKED_MESSAGE = `That code is not valid. After ${RESET_MAX_FAILED_ATTEMPTS} wrong tries a code stops working, even the right one: send a new code and use that.`;
