"use client";

import { useState } from "react";
import { signOut } from "@/lib/auth-client";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="button secondary"
      disabled={pending}
      aria-busy={pending}
      onClick={() => {
        setPending(true);
        void signOut("/sign-in");
      }}
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
