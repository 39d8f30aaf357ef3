import { RESET_REQUEST_KIND } from "../../mail/outbox";
import { issuePasswordReset } from "./issue-password-reset";

// What other features may use of password reset: an undone email change issues one.
export { issueReset } from "./issue-reset";

/** The outbox jobs this feature turns into mail in the sender: a forgot-password request. */
export const passwordResetJobHandlers = { [RESET_REQUEST_KIND]: issuePasswordReset };
