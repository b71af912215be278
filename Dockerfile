# syntax=docker/dockerfile:1
# One image for the API (default command) and the worker (`node dist/worker.js`); see docker-compose.yml.

# --- build: compile the API and the web app, then drop the development dependencies ---
FROM node:20-bookworm-slim AS build
WORKDIR /app
# argon2 ships prebuilt binaries; the compilers are here only for a platform it has none for.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# --- runtime ---
FROM node:20-bookworm-slim
# chromium prints the PDFs (playwright-core drives Debian's browser; no Playwright download);
# fonts-noto-core covers the browser's fallbacks (the PDFs embed the fonts bundled from npm);
# tini reaps Chromium's child processes and forwards SIGTERM for a graceful shutdown.
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-noto-core tini ca-certificates \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    PORT=3000 \
    CHROMIUM_PATH=/usr/bin/chromium \
    STORAGE_DIR=/var/lib/daftar/attachments \
    PORTABILITY_DIR=/var/lib/daftar/portability
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Shipped data read at run time (master-data seeds); dist/ finds it by walking up.
COPY --from=build /app/config ./config
# Files are root's and read-only to the service; only the attachments and archives volumes are writable.
RUN groupadd --system daftar \
 && useradd --system --gid daftar --home-dir /home/daftar --create-home --shell /usr/sbin/nologin daftar \
 && mkdir -p /var/lib/daftar/attachments /var/lib/daftar/portability \
 && chown -R daftar:daftar /var/lib/daftar
USER daftar
VOLUME ["/var/lib/daftar/attachments", "/var/lib/daftar/portability"]
EXPOSE 3000
# Liveness of the API (any host answers /health). The worker serves no HTTP: compose gives it its own check.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/main.js"]
