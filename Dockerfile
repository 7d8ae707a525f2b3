# syntax=docker/dockerfile:1
# One image for every process of the graph: the gateway, the nine subgraphs, the relay,
# and the migrations and partitions jobs; the command chooses (see deploy/ and compose.yaml).
#
# TypeScript is compiled with tsc in the build stage and the image runs plain `node`: no
# transpiler in production (tsx and its esbuild binary stay dev tools), no transform at each
# start, and a build that fails on a type error before an image exists.
# Pin the base by digest where you build (`docker buildx imagetools inspect node:20.20.2-bookworm-slim`).
ARG NODE_IMAGE=node:20.20.2-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY db db
COPY gateway gateway
COPY open311 open311
COPY schema schema
COPY scripts scripts
COPY subgraphs subgraphs
RUN npm run build

FROM ${NODE_IMAGE} AS production-dependencies
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches patches
# Production dependencies only; no install scripts (the only ones, protobufjs's, print
# advice), then our patches (patches/: postgres.js's null-socket write) by patch-package.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && npx --no-install patch-package \
 && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    APOLLO_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0
WORKDIR /app
# Owned by root and read-only to the process: the code cannot be changed by what runs it.
COPY --from=production-dependencies /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY package.json ./
COPY schema/supergraph.graphql schema/supergraph.graphql
# The image's own unprivileged user (uid 1000); Kubernetes also checks runAsNonRoot.
USER 1000:1000
EXPOSE 4000
CMD ["node", "dist/gateway/main.js"]
