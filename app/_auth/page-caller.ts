// Server-side gate for pages: in accounts mode a signed-out browser is sent to /sign-in?next=<this page>.
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getAuthMode, resolveRequestCaller } from "@/server/auth/app-auth";
import { LOCAL_USER_ID, type Caller } from "@/server/auth/caller";
import { getApp } from "@/server/app";

/**
 * The caller of the page being rendered, or null when signed out. With the database unreachable, accounts
 * mode reads as signed out; local mode still renders its pages, whose data requests then report the outage.
 * Cached per request, so the layout and the page share one lookup.
 */
export const pageCaller = cache(async (): Promise<Caller | null> => {
  // Outside the try: reading headers is how Next.js learns the page is per request, by an error of its own.
  const requestHeaders = await headers();
  try {
    await getApp().ready();
    return await resolveRequestCaller(requestHeaders);
  } catch (error) {
    console.error("[auth] cannot tell who is asking:", (error as Error).message);
    return getAuthMode() === "local" ? { userId: LOCAL_USER_ID, role: "admin", via: "local", scope: "full" } : null;
  }
});

/** `next` for the sign-in page: a path on this site only, so the link cannot send anyone elsewhere. */
export function safeNextPath(next: string | string[] | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  return value && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : "/";
}

/** Redirects to sign-in unless someone is signed in (local mode always has its owner). */
export async function requireCaller(path: string): Promise<Caller> {
  const caller = await pageCaller();
  if (!caller) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  return caller;
}

/** As requireCaller, and answers 404 to anyone but the admin. */
export async function requireAdmin(path: string): Promise<Caller> {
  const caller = await requireCaller(path);
  if (caller.role !== "admin") notFound();
  return caller;
}

export { getAuthMode };
