# syntax=docker/dockerfile:1
# OsMEN Studio as one container: the self-contained Next.js server (standalone output), run as the
# unprivileged `node` user. Migrations are applied by the server itself when it starts (instrumentation.ts ->
# server/start-up.ts -> server/db/migrate.ts), from the prisma/*/migrations folders copied in below.
#   docker build -t osmen-studio .
#   docker run -p 3000:3000 -v osmen-data:/data -e OSMEN_SECRET_KEY="$(openssl rand -base64 32)" \
#     -e OSMEN_ORIGIN=http://localhost:3000 osmen-studio
ARG NODE_VERSION=20

# Dependencies, with the tools to compile better-sqlite3 where no prebuilt binary fits.
FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
# `npm ci` runs `postinstall` (npm run db:generate), which reads the Prisma schemas and config.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund

# The production build, as .next/standalone (next.config.mjs switches it on for OSMEN_STANDALONE_BUILD=1 only).
FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1 OSMEN_STANDALONE_BUILD=1
RUN npm run build

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
WORKDIR /app
# HOST is what the app checks (auth mode, allowed hosts); HOSTNAME is what the standalone server binds to.
# Bound to every interface the server runs in accounts mode: set OSMEN_ORIGIN to the address people use.
# NODE_OPTIONS: V8 otherwise lets garbage pile up to several times the live heap before collecting (RSS grew
# past 650 MiB over 3,000 runs with a flat live heap); capped, the server stays near 300 MiB (README, Operations).
ENV NODE_ENV=production \
  NODE_OPTIONS=--max-old-space-size=256 \
  NEXT_TELEMETRY_DISABLED=1 \
  HOST=0.0.0.0 \
  HOSTNAME=0.0.0.0 \
  PORT=3000 \
  OSMEN_DATA_DIR=/data \
  DATABASE_URL=file:/data/osmen.db
# The code stays owned by root (read-only to the server); only the data folder is the server's.
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/prisma/sqlite/migrations ./prisma/sqlite/migrations
COPY --from=build /app/prisma/postgres/migrations ./prisma/postgres/migrations
RUN mkdir -p /data && chown node:node /data && chmod 0700 /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# The live probe: the process answers. Node has fetch built in, so the image needs no curl.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/api/health/live').then((response) => process.exit(response.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]
