import { loadServerEnv } from "./server/env.mjs";

// Validate the environment at start so a bad value fails loudly before the first request.
loadServerEnv();

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and server-only packages stay outside the bundle and are required at run time.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "googleapis"],
  poweredByHeader: false,
  // proxy.ts makes Next buffer request bodies; cap that buffer just above the largest body a route accepts
  // (5 MB for a flow, server/http/body-limit.ts), which refuses anything bigger with 413.
  experimental: { proxyClientMaxBodySize: "6mb" },
};

export default nextConfig;
