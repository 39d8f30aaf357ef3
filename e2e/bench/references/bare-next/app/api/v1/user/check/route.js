// The portal's GET /api/v1/user/check without a token.
import { answer } from "../../../../../lib/answer";

export function GET() {
  return answer(401, { message: "Unauthorized", code: "UNAUTHORIZED" });
}
