// What other features' tests may use of account deletion.
export { deleteAccount } from "./delete-account";
