"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { leave } from "./auth-request";

/** Ends the session (Better Auth's POST /api/auth/sign-out) and goes to the sign-in page. */
export function SignOutButton() {
  const router = useRouter();
  const [isPending, setPending] = useState(false);
  const signOut = async () => {
    setPending(true);
    await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    leave(router, "/sign-in");
  };
  return (
    <button type="button" onClick={signOut} disabled={isPending}>
      Sign out
    </button>
  );
}
