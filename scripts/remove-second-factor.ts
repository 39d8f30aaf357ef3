// npm run two-factor:remove -- <email>: the operator removes one account's second factor (its
// authenticator app and recovery codes), after checking for themselves who is asking. The owner is
// mailed (the outbox sends it when the portal next runs its sender) and the security activity
// records it. Against PGlite, stop the portal first: the embedded database takes one process.
import { normalizeEmail } from "@/lib/credentials";
import { removeSecondFactorAsOperator } from "@/lib/server/features/two-factor/two-factor";

async function main() {
  const email = process.argv[2]?.trim();
  if (!email) {
    console.error("usage: npm run two-factor:remove -- <email>");
    process.exit(2);
  }
  const removed = await removeSecondFactorAsOperator(normalizeEmail(email));
  console.log(removed ? `[two-factor:remove] removed the second factor of ${email}; the owner is mailed` : `[two-factor:remove] no account has the address ${email}`);
  process.exit(removed ? 0 : 1);
}

void main();
