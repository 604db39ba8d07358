import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "@/components/trpc-provider";
import "./globals.css";

export const metadata: Metadata = {
  title: "OsMEN Studio",
  description: "Build, run and share LLM flows visually.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
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
        <TRPCReactProvider>
          <main className="app-main">{children}</main>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
