import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
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
  // Rendered per request: Next.js stamps each response's scripts with the CSP nonce proxy.ts made for it.
  await connection();
  const account = await headerAccount();
  return (
    <html lang="en">
      <body>
        <AppHeader account={account} />
        <TRPCReactProvider>
          <main className="app-main">{children}</main>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
