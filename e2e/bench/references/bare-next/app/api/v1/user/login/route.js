// The portal's POST /api/v1/user/login with the body `{}` (the body is read, as the portal reads it).
import { answer } from "../../../../../lib/answer";

const MISSING = {
  message: "Missing One or More Required Parameters",
  code: "MISSING_PARAMETERS",
  errors: { email: ["This field is required"], password: ["This field is required"] },
};

/** @param {Request} request */
export async function POST(request) {
  await request.text();
  return answer(400, MISSING);
}
