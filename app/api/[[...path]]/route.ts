// /api itself and any other path under it — 404 NOT_FOUND in the contract's JSON, after the traffic guard, so a
// denied or banned address is refused here as on every endpoint (Next.js would answer an HTML 404).
import type { NextRequest } from "next/server";
import { undeclaredRoute } from "@/lib/server/http/api-route";
import { AppError } from "@/lib/server/errors";

const answer = undeclaredRoute(async () => {
  throw new AppError("NOT_FOUND");
});

// The unknown path's segments are of no use here: no params are passed on.
const notFound = (request: NextRequest) => answer(request);

export { notFound as GET, notFound as HEAD, notFound as OPTIONS, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
