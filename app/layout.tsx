import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { AccountMenu } from "@/components/account/account-menu";
import { TRPCReactProvider } from "@/components/trpc-provider";
import { getAuthMode, pageCaller } from "@/app/_auth/page-caller";
import { describeCaller } from "@/server/auth/account-info";
import { getDb } from "@/server/db";
import "./globals.css";

export const metadata: Metadata = {
  title: "OsMEN Studio",
  description: "Build, run and share LLM flows visually.",
};

/** Who is signed in, for the header; a database that cannot answer reads as signed out. */
async function headerAccount() {
  const mode = getAuthMode();
  const caller = await pageCaller();
  return describeCaller(getDb(), caller, mode).catch(() => ({ mode, user: null, via: null }));
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const account = await headerAccount();
  const isSignedIn = account.mode === "local" || account.user !== null;
  return (
    <html lang="en">
      <body>
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
        <TRPCReactProvider>
          <main className="app-main">{children}</main>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
