// Every endpoint of the API, in the order the OpenAPI document lists them. Adding an endpoint:
// declare it in the file of its feature, list it here, and write its route file (lib/openapi's
// drift test fails until the three agree).
import * as apiKeys from "./api-keys";
import * as email from "./email";
import type { Endpoint } from "./endpoint";
import * as health from "./health";
import * as password from "./password";
import * as seeds from "./seeds";
import * as sessions from "./sessions";
import * as signIn from "./sign-in";
import * as twoFactor from "./two-factor";

export const ENDPOINTS: readonly Endpoint[] = [
  signIn.register,
  signIn.login,
  twoFactor.loginSecondFactor,
  signIn.logout,
  signIn.checkSession,
  password.changePassword,
  password.forgotPassword,
  password.confirmResetCode,
  password.resetPassword,
  sessions.listSessions,
  sessions.revokeSession,
  sessions.revokeOtherSessions,
  sessions.listSecurityEvents,
  health.liveness,
  health.readiness,
  email.verifyEmail,
  email.resendEmailVerification,
  email.changeEmail,
  email.confirmEmailChange,
  email.revertEmailChange,
  email.deleteAccount,
  apiKeys.listApiKeys,
  apiKeys.createApiKey,
  apiKeys.revokeApiKey,
  twoFactor.getTwoFactor,
  twoFactor.startTotpSetup,
  twoFactor.confirmTotpSetup,
  twoFactor.turnOffTotp,
  twoFactor.renewRecoveryCodes,
  seeds.seed002ChangePassword,
  seeds.seed003ChangePassword,
  seeds.seed004ChangePassword,
  health.openApiReference,
] as Endpoint[];
