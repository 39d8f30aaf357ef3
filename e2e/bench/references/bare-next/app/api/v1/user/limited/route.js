// The portal's answer to an address over its api-per-ip budget, on any API route.
import { answer } from "../../../../../lib/answer";

export function GET() {
  return answer(
    429,
    { message: "Too many requests", code: "TOO_MANY_REQUESTS" },
    { "retry-after": "60", "ratelimit-limit": "300", "ratelimit-remaining": "0", "ratelimit-reset": "60" },
  );
}
