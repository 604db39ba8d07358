"use client";
// The app's header and navigation. A share link's visitor sees only the shared flow, so share pages have none;
// a signed-out browser in accounts mode sees no way into the app either.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { AccountMenu } from "@/components/account/account-menu";
import type { AccountInfo } from "@/server/auth/account-info";

/** Paths that show one thing to someone who may not have an account: no way into the rest of the app. */
export const isStandalonePath = (pathname: string) => pathname === "/share" || pathname.startsWith("/share/");

export function AppHeader({ account }: { account: AccountInfo }) {
  const pathname = usePathname();
  if (isStandalonePath(pathname)) return null;
  const isSignedIn = account.mode === "local" || account.user !== null;
  return (
    <header className="app-header">
      <Link href="/" className="brand">
        OsMEN Studio
      </Link>
      <nav aria-label="Main" className="app-nav">
        {isSignedIn && (
          <>
            <Link href="/">Flows</Link>
            <Link href="/templates">Templates</Link>
            <Link href="/settings">Settings</Link>
            {account.mode === "accounts" && account.user?.role === "admin" && <Link href="/admin">Admin</Link>}
          </>
        )}
      </nav>
      <AccountMenu account={account} />
    </header>
  );
}
