# syntax=docker/dockerfile:1
# Playroute's image. The build stage has every tool (npm ci, vite, esbuild); the runtime stage holds only what the
# built server reads: production dependencies, dist/ (the server as JavaScript), client/dist (the React bundle),
# package.json and the command runner. No volume: all data (and evidence files, in GridFS) lives in MongoDB.

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Dependencies first, so a change in the sources reuses this layer.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY server ./server
COPY client ./client
# The build, then every development dependency removed: what is left in node_modules is what production imports.
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app
# Owned by root and only readable by the app's user: a compromised process cannot rewrite its own code.
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/client/dist ./client/dist
COPY --from=build /app/server/cli/run.js ./server/cli/run.js
# The image's own unprivileged user (uid 1000).
USER node
EXPOSE 3000
# Slim images have no curl: Node's own fetch asks /health (200 while the database answers).
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node directly, not `npm start`: npm runs the script through /bin/sh (dash), which does not pass SIGTERM on, so
# `docker stop` would kill Playroute after the grace period instead of letting it drain (checked with npm 10).
CMD ["node", "--max-semi-space-size=32", "server/cli/run.js", "start"]
