import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import { TRPCReactProvider } from "@/components/trpc-provider";
import "./globals.css";

export const metadata: Metadata = {
  title: "OsMEN Studio",
  description: "Build, run and share LLM flows visually.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Rendered per request: Next.js stamps each response's scripts with the CSP nonce proxy.ts made for it.
  await connection();
  return (
    <html lang="en">
      <body>
        <AppHeader />
        <TRPCReactProvider>
          <main className="app-main">{children}</main>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
