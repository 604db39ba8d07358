"use client";
import { useState } from "react";

/** Ends the session (Better Auth's POST /api/auth/sign-out) and reloads on the sign-in page. */
export function SignOutButton() {
  const [isPending, setPending] = useState(false);
  const signOut = async () => {
    setPending(true);
    await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    // A full load, so the server renders the header and pages for a signed-out browser.
    window.location.assign("/sign-in");
  };
  return (
    <button type="button" onClick={signOut} disabled={isPending}>
      Sign out
    </button>
  );
}
