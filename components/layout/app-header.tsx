"use client";
// The app's header and navigation. A share link's visitor sees only the shared flow, so share pages have none.
import Link from "next/link";
import { usePathname } from "next/navigation";

/** Paths that show one thing to someone who may not have an account: no way into the rest of the app. */
export const isStandalonePath = (pathname: string) => pathname === "/share" || pathname.startsWith("/share/");

export function AppHeader() {
  const pathname = usePathname();
  if (isStandalonePath(pathname)) return null;
  return (
    <header className="app-header">
      <Link href="/" className="brand">
        OsMEN Studio
      </Link>
      <nav aria-label="Main" className="app-nav">
        <Link href="/">Flows</Link>
        <Link href="/templates">Templates</Link>
        <Link href="/settings">Settings</Link>
      </nav>
    </header>
  );
}
