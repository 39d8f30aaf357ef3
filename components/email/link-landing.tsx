import type { ComponentProps } from "react";
import { LinkAction } from "./link-action";

export interface LinkLandingProps {
  searchParams: Promise<{ token?: string }>;
}

/**
 * The page a mailed link lands on (verify, confirm a change, undo a change): no session needed,
 * the token read from the address and handed to the one button that uses it.
 */
export async function LinkLanding({ searchParams, title, ...action }: LinkLandingProps & { title: string } & Omit<ComponentProps<typeof LinkAction>, "token">) {
  const { token } = await searchParams;
  return (
    <section className="card narrow" aria-labelledby="link-title">
      <h1 id="link-title">{title}</h1>
      <LinkAction token={token} {...action} />
    </section>
  );
}
