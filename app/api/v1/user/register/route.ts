// POST /api/v1/user/register — create an account (portal addition to the gateway's API).
import { register } from "@/lib/endpoints/sign-in";
import { apiRoute } from "@/lib/server/http/api-route";
import { presentUser } from "@/lib/server/http/present";
import { registerAccount } from "@/lib/server/features/sign-in/register-account";

export const POST = apiRoute(register, async ({ body, client }) => {
  const user = await registerAccount(body, client);
  return { status: 201, body: { message: "Account created", user: presentUser(user) } };
});
