import { loadServerEnv } from "./server/env.mjs";

// Validate the environment at start so a bad value fails loudly before the first request.
const env = loadServerEnv();

/**
 * Hosts the dev server may serve its scripts to: loopback by both names, the bound HOST (unless it is the
 * every-interface wildcard) and every OSMEN_ORIGIN host. Without this, a page opened on 127.0.0.1 never hydrates.
 */
function devOrigins() {
  const hosts = new Set(["localhost", "127.0.0.1"]);
  if (!["0.0.0.0", "::", "[::]"].includes(env.HOST)) hosts.add(env.HOST.replace(/^\[(.*)\]$/, "$1"));
  for (const origin of env.OSMEN_ORIGIN ?? []) hosts.add(new URL(origin).hostname);
  return [...hosts];
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and server-only packages stay outside the bundle and are required at run time.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "googleapis"],
  poweredByHeader: false,
  // The container image runs the self-contained server (Dockerfile); `next start` needs the default output.
  ...(env.OSMEN_STANDALONE_BUILD === "1" && { output: "standalone" }),
  allowedDevOrigins: devOrigins(),
  // proxy.ts makes Next buffer request bodies; cap that buffer just above the largest body a route accepts
  // (5 MB for a flow, server/http/body-limit.ts), which refuses anything bigger with 413.
  experimental: { proxyClientMaxBodySize: "6mb" },
};

export default nextConfig;
