// What other features may use of email verification and change: everything else is this slice's own.
export { issueEmailVerification } from "./issue-email-verification";
