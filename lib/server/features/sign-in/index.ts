// What other features (and their tests) may use of registration and sign-in.
export { registerAccount } from "./register-account";
export { signIn } from "./sign-in";
