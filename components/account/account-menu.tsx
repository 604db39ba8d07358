import Link from "next/link";
import type { AccountInfo } from "@/server/auth/account-info";
import { SignOutButton } from "./sign-out-button";

/** The header's right side: who is signed in and a sign-out button; nothing in local mode. */
export function AccountMenu({ account }: { account: AccountInfo }) {
  if (account.mode === "local") return null;
  if (!account.user) {
    return (
      <div className="account-menu">
        <Link href="/sign-in">Sign in</Link>
      </div>
    );
  }
  return (
    <div className="account-menu">
      <span className="muted" data-testid="signed-in-as">
        {account.user.email}
      </span>
      <SignOutButton />
    </div>
  );
}
