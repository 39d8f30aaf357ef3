import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { SessionWithUser } from "../repositories/session-repository";
import { browserSessionFromCookies } from "./browser-session";

/** The signed-in person's live session, or null. For server components and pages. */
export async function currentBrowserSession(): Promise<SessionWithUser | null> {
  return browserSessionFromCookies(await cookies());
}

/** For protected pages: anonymous visitors go to /sign-in and come back here afterwards. */
export async function requireBrowserSession(returnTo: string): Promise<SessionWithUser> {
  const session = await currentBrowserSession();
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return session;
}
